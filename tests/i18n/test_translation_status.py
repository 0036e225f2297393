"""A translated page says who translated it, whether the city checked it, and links the original."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def status_of(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return soup.select_one("main .translation-status")


def test_an_imported_translation_is_the_sites_and_links_the_japanese_page(client, measure):
    status = status_of(client, "/en/measures/6/")
    assert "translated from Japanese by this site" in status.get_text()
    assert "has not checked it yet" in status.get_text()
    link = status.find("a", hreflang="ja")
    assert link["href"] == measure(6).url
    assert link.get_text() == "Japanese original"


def test_a_translation_approved_by_a_reviewer_says_the_city_checked_it_on_that_day(client, measure):
    page = measure(6).get_translation(Locale.objects.get(language_code="ko"))
    users = get_user_model().objects
    workflow_state = page.get_workflow().start(page, users.get(username="editor-joho"))
    workflow_state.current_task_state.approve(user=users.get(username="reviewer"))
    text = status_of(client, "/ko/measures/6/").get_text()
    assert "오야마시가" in text and "확인했습니다" in text
    assert "아직" not in text


def test_japanese_pages_have_no_translation_status(client):
    assert status_of(client, "/ja/measures/6/") is None


def test_the_first_publication_is_named_in_the_readers_language(client):
    html = client.get("/vi/measures/6/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    history = soup.select_one(".change-history").get_text()
    assert "Đăng lần đầu" in history
    assert "初版公開" not in history
