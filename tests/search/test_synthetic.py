"""The synthetic site for benchmarks is a real site: its pages are in a sound tree, render,
are listed and found, and staff edit and publish them like any other measure."""

import re

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Page

from measures.models import MeasureIndexPage, MeasurePage
from search.synthetic import FIRST_NUMBER, generate_measures
from tests.measures.workflow_steps import login, public_text, submit, workflow_action

pytestmark = pytest.mark.django_db

COUNT = 30
LANGUAGES = ["ja", "en"]


@pytest.fixture
def generated():
    generate_measures(COUNT, LANGUAGES)
    return MeasurePage.objects.filter(number__gte=FIRST_NUMBER)


def test_every_language_gets_the_measures_in_a_sound_tree(generated):
    assert Page.find_problems() == ([], [], [], [], [])
    for code in LANGUAGES:
        pages = generated.filter(locale__language_code=code).live()
        assert sorted(pages.values_list("number", flat=True)) == list(
            range(FIRST_NUMBER, FIRST_NUMBER + COUNT)
        )
        index = MeasureIndexPage.objects.get(locale__language_code=code)
        assert index.numchild == index.get_children().count() == 24 + COUNT
        assert all(page.get_parent().pk == index.pk for page in pages)


def test_translations_share_their_source_keys(generated):
    ja = generated.get(number=FIRST_NUMBER + 3, locale__language_code="ja")
    en = generated.get(number=FIRST_NUMBER + 3, locale__language_code="en")
    assert en.translation_key == ja.translation_key
    assert en.goal == ja.goal
    assert [d.translation_key for d in en.departments] == [
        d.translation_key for d in ja.departments
    ]
    assert [i.translation_key for i in en.initiatives.all()] == [
        i.translation_key for i in ja.initiatives.all()
    ]


def test_each_page_has_its_published_revision(generated):
    for page in generated:
        assert page.live_revision_id == page.latest_revision_id is not None
        copy = page.get_latest_revision_as_object()
        assert (copy.title, copy.situation) == (page.title, page.situation)
        assert len(copy.progress_reports.all()) == 1


def test_a_second_run_adds_nothing(generated):
    before = Page.objects.count()
    report = generate_measures(COUNT, LANGUAGES)
    assert report.created == {"ja": 0, "en": 0}
    assert report.existing == COUNT * len(LANGUAGES)
    assert Page.objects.count() == before


def test_a_longer_run_adds_only_the_missing_numbers_in_the_missing_languages(generated):
    report = generate_measures(COUNT + 5, ["ja", "en", "ko"])
    assert report.created == {"ja": 5, "en": 5, "ko": COUNT + 5}
    assert Page.find_problems() == ([], [], [], [], [])
    ko = generated.get(number=FIRST_NUMBER, locale__language_code="ko")
    assert (
        ko.translation_key
        == generated.get(number=FIRST_NUMBER, locale__language_code="ja").translation_key
    )


def test_every_page_renders_and_is_listed(client, generated):
    for page in generated:
        assert escape(page.title) in public_text(client, page)
    for code in LANGUAGES:
        listing = client.get(f"/{code}/measures/")
        numbers = set(map(int, re.findall(r'<li value="(\d+)">', listing.content.decode())))
        assert set(range(FIRST_NUMBER, FIRST_NUMBER + 10)) <= numbers


def test_a_generated_measure_is_found_by_its_title(client, generated):
    for code in LANGUAGES:
        page = generated.get(number=FIRST_NUMBER + 7, locale__language_code=code)
        html = client.get(f"/{code}/search/", {"q": page.title}).content.decode()
        found = [int(n) for n in re.findall(r'class="measure-list__number">(\d+)\.', html)]
        assert found[0] == FIRST_NUMBER + 7


def test_staff_edit_and_publish_a_generated_measure(client, generated):
    page = generated.get(number=FIRST_NUMBER + 2, locale__language_code="ja")
    login(client, "admin")
    assert (
        submit(client, page, situation=page.situation + "\n\n新しい実証を始めます。").status_code
        == 302
    )
    client.logout()
    login(client, "reviewer")
    assert workflow_action(client, page, "approve").status_code == 302
    client.logout()
    assert "新しい実証を始めます。" in public_text(client, page)
    assert Page.find_problems() == ([], [], [], [], [])
    html = client.get("/ja/search/", {"q": "新しい実証"}).content.decode()
    assert f'class="measure-list__number">{FIRST_NUMBER + 2}.' in html


def test_the_command_reports_what_it_made(generated, capsys):
    call_command("generate_measures", "--measures", str(COUNT + 1), "--locales", "ja")
    out = capsys.readouterr().out
    assert "ja: 1 measure pages created" in out
    assert f"{COUNT} pages already existed" in out
