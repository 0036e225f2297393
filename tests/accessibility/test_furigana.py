"""ふりがな: the analyser's readings, the city's dictionary winning, and the public pages."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from accessibility.furigana import Span, annotate
from accessibility.models import ReadingEntry
from tests.factories import UserFactory


def readings(spans):
    return [(s.text, s.reading) for s in spans if s.reading]


def test_readings_sit_over_the_kanji_only():
    assert readings(annotate("計画を進める", {})) == [("計画", "けいかく"), ("進", "すす")]
    assert "".join(s.text for s in annotate("Web 申請を進める。", {})) == "Web 申請を進める。"


def test_stock_dictionary_misreads_the_city_and_ours_corrects_it():
    assert readings(annotate("小山", {})) == [("小山", "こやま")]
    assert readings(annotate("小山の第3次計画", {"小山": "おやま", "第3次": "だいさんじ"})) == [
        ("小山", "おやま"),
        ("第3次", "だいさんじ"),
        ("計画", "けいかく"),
    ]


def test_kana_latin_and_digits_get_no_ruby():
    assert annotate("マイナンバーカード 15,077人", {}) == [
        Span("マイナンバーカード 15,077"),
        Span("人", "にん"),
    ]


def test_city_readings_are_seeded(db):
    assert ReadingEntry.objects.get(surface="小山").reading == "おやま"
    assert ReadingEntry.objects.get(surface="第3次").reading == "だいさんじ"


def ruby_pairs(html, selector="main ruby"):
    soup = BeautifulSoup(html, "html.parser")
    return {(r.contents[0], r.rt.get_text()) for r in soup.select(selector)}


def test_the_plain_japanese_summary_always_has_furigana(client, measure):
    assert measure(14).plain_summary
    summary = ruby_pairs(client.get("/ja/measures/14/").content, ".plain-summary ruby")
    assert ("市", "し") in summary


def test_measure_page_shows_furigana_only_when_turned_on(client, db):
    outside_summary = "main ruby:not(.plain-summary ruby)"
    assert ruby_pairs(client.get("/ja/measures/14/").content, outside_summary) == set()
    client.cookies["furigana"] = "on"
    pairs = ruby_pairs(client.get("/ja/measures/14/").content)
    assert ("基幹系", "きかんけい") in pairs or ("基幹", "きかん") in pairs
    assert ("標準化", "ひょうじゅんか") in pairs


def test_english_pages_get_ruby_only_over_japanese(client, db):
    """The glossary shows each Japanese term with its reading; English text gets none."""
    client.cookies["furigana"] = "on"
    soup = BeautifulSoup(client.get("/en/glossary/").content, "html.parser")
    rubies = soup.select("main ruby")
    assert rubies
    assert [r for r in rubies if r.find_parent(lang="ja") is None] == []
    assert ("人工知能", "じんこうちのう") in ruby_pairs(str(soup), ".glossary__source ruby")


def test_an_entry_edited_in_the_admin_changes_the_page_at_once(client, db):
    client.cookies["furigana"] = "on"
    assert ("窓口", "まどぐち") in ruby_pairs(client.get("/ja/measures/2/").content)
    admin = UserFactory(username="dictionary-admin", is_superuser=True, is_staff=True)
    client.force_login(admin)

    response = client.post(
        "/admin/snippets/accessibility/readingentry/add/",
        {"surface": "窓口", "reading": "うけつけまどぐち", "note": "テスト"},
    )

    assert response.status_code == 302
    pairs = ruby_pairs(client.get("/ja/measures/2/").content)
    assert ("窓口", "うけつけまどぐち") in pairs
    assert ("窓口", "まどぐち") not in pairs


def test_readings_must_be_hiragana(client, db):
    client.force_login(UserFactory(username="dictionary-admin", is_superuser=True, is_staff=True))
    response = client.post(
        "/admin/snippets/accessibility/readingentry/add/",
        {"surface": "小山", "reading": "オヤマ", "note": ""},
    )
    assert response.status_code == 200
    assert ReadingEntry.objects.get(surface="小山").reading == "おやま"


@pytest.mark.parametrize(
    ("url", "selector"),
    [
        ("/ja/measures/6/", ".facts"),
        ("/ja/measures/6/", ".change-history"),
        ("/ja/measures/6/", ".plan-table, table"),
        ("/ja/open-data/", "main"),
        ("/ja/search/?q=オープンデータ", ".search-result__title, main"),
    ],
)
def test_furigana_reach_every_japanese_text_of_the_page(client, db, url, selector):
    client.cookies["furigana"] = "on"
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.select_one(selector).select("ruby"), selector
    client.cookies["furigana"] = "off"
    assert BeautifulSoup(client.get(url).content, "html.parser").select(".facts ruby") == []


def test_furigana_on_japanese_standing_in_for_a_translation(client, measure):
    page = measure(6).get_translation(Locale.objects.get(language_code="es"))
    page.situation = measure(6).situation  # the Spanish page shows the Japanese text
    page.save_revision().publish()
    client.cookies["furigana"] = "on"
    soup = BeautifulSoup(client.get("/es/measures/6/").content, "html.parser")
    rubies = soup.select("main ruby")
    assert rubies
    assert [r for r in rubies if r.find_parent(lang="ja") is None] == []


def test_readings_leave_markup_code_and_existing_ruby_alone(db):
    from accessibility.ruby_html import annotate_html

    html = (
        '<p class="x" data-note="情報">情報政策課</p><code>市役所</code>'
        "<ruby>市<rt>し</rt></ruby><script>var s = '<b>市</b>';</script>&amp;"
    )
    annotated = str(annotate_html(html, "ja"))
    soup = BeautifulSoup(annotated, "html.parser")
    assert soup.p["data-note"] == "情報" and soup.p.ruby is not None
    assert soup.code.get_text() == "市役所" and soup.code.ruby is None
    assert annotated.count("<ruby>") == annotated.count("</ruby>")
    assert "var s = '<b>市</b>';" in annotated and annotated.endswith("&amp;")
    assert str(annotate_html("<p>情報政策課</p>", "en")) == "<p>情報政策課</p>"
