"""The frame of every public page: title, description, favicon, footer links and contact, and
the site's own error pages even while DEBUG is on."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from home.models import SiteContact

SITE = "第3次小山市情報化基本計画"


def soup_of(client, url):
    response = client.get(url)
    return response, BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/ja/", SITE),
        ("/ja/measures/", f"施策一覧 | {SITE}"),
        ("/ja/measures/?goal=2&sdg=9", f"施策一覧：基本目標2、SDGs ゴール9 | {SITE}"),
        ("/ja/measures/6/", f"6. オープンデータの推進 | {SITE}"),
        ("/ja/search/?q=DX", f"「DX」の検索結果 | {SITE}"),
        ("/ja/measures/99/", f"ページが見つかりません | {SITE}"),
    ],
)
def test_every_title_is_page_then_site(client, db, url, title):
    _response, soup = soup_of(client, url)
    assert soup.title.get_text() == title


def test_every_page_has_a_description_and_an_icon(client, db):
    for url in ("/ja/", "/ja/measures/", "/ja/measures/1/", "/en/glossary/"):
        _response, soup = soup_of(client, url)
        assert soup.find("meta", attrs={"name": "description"})["content"].strip(), url
        assert soup.find("link", rel="icon")["href"].endswith("favicon.svg")
    _response, soup = soup_of(client, "/ja/measures/1/")
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert len(description) <= 120
    assert description[:20] in " ".join(soup.find(class_="plain-summary").get_text().split())


def test_footer_links_to_the_policy_results_open_data_and_city(client, db):
    call_command("publish_accessibility_report", stdout=io.StringIO())
    _response, soup = soup_of(client, "/ja/measures/")
    footer = soup.find("footer")
    links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
    assert links["ウェブアクセシビリティ方針"] == "/ja/accessibility/"
    assert links["アクセシビリティの試験結果"] == "/ja/accessibility/results/"
    assert links["オープンデータ"] == "/ja/open-data/"
    assert links["小山市公式ウェブサイト"] == "https://www.city.oyama.tochigi.jp/"
    assert "小山市 総合政策部 情報政策課" in footer.address.get_text()


def test_footer_shows_the_contact_from_the_site_setting(client, db):
    contact = SiteContact.for_site(Site.objects.get(is_default_site=True))
    contact.phone = "0285-00-0000"
    contact.email = "joho@example.jp"
    contact.city_url = "https://city.example.jp/"
    contact.save()
    _response, soup = soup_of(client, "/en/")
    footer = soup.find("footer")
    assert footer.find("a", href="tel:0285000000").get_text() == "0285-00-0000"
    assert footer.find("a", href="mailto:joho@example.jp")
    assert footer.find("a", href="https://city.example.jp/").get_text() == (
        "Oyama City official website"
    )
    assert footer.find(class_="site-footer__division")["lang"] == "ja"


@override_settings(DEBUG=True)
@pytest.mark.parametrize(("language", "heading"), [("ja", "ページが見つかりません"), ("en", None)])
def test_not_found_is_the_site_page_even_with_debug_on(client, db, language, heading):
    for url in (f"/{language}/measures/99/", "/favicon.ico"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 404
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.find("footer", class_="site-footer"), url
        assert "DEBUG" not in response.content.decode()
    assert soup_of(client, f"/{language}/measures/99/")[1].h1.get_text() == (
        heading or "Page not found"
    )


@override_settings(DEBUG=True)
def test_server_error_is_the_site_page_even_with_debug_on(client, db, monkeypatch):
    from measures.models import MeasureIndexPage

    def broken(*args, **kwargs):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(MeasureIndexPage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get("/en/measures/")
    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == "An error has occurred"
    assert "Traceback" not in response.content.decode()


def test_bootstrap_seeds_the_contact_and_keeps_edits(db):
    SiteContact.objects.all().delete()
    call_command("bootstrap_site", stdout=io.StringIO())
    contact = SiteContact.objects.get(site=Site.objects.get(is_default_site=True))
    assert contact.phone == "0285-23-1111"
    contact.phone = "0285-99-9999"
    contact.save()
    call_command("bootstrap_site", stdout=io.StringIO())
    contact.refresh_from_db()
    assert contact.phone == "0285-99-9999"
