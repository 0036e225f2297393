"""What a citizen reaches over HTTP: every public URL, with no raw markup and sound tables."""

import re

import pytest
from bs4 import BeautifulSoup

PUBLIC_URLS = [
    "/ja/",
    "/ja/measures/",
    *[f"/ja/measures/{n}/" for n in range(1, 25)],
    "/ja/glossary/",
    "/ja/open-data/",
    "/ja/search/?q=オープンデータ",
    "/ja/search/?q=該当なしの言葉xyz",
]

DEBRIS = re.compile(r"<\s*/?\s*(p|ul|li|input|u|br)\b|\(\*\)|\^\(|■|□|&lt;|&gt;|-{4,}")


def visible_text(html):
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "head"]):
        hidden.decompose()
    return soup.get_text(" ")


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_page_answers_in_japanese_without_debris(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ja">' in html
    assert not DEBRIS.search(visible_text(html)), DEBRIS.search(visible_text(html))
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("h1")) == 1
    for table in soup.find_all("table"):
        assert table.caption and table.caption.get_text(strip=True)
        for header in table.find_all("th"):
            assert header.get("scope") in {"col", "row", "rowgroup", "colgroup"}


def test_root_sends_visitors_to_their_language(client, db):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ja").headers["Location"] == "/ja/"
    assert client.get("/").headers["Location"] == "/ja/"


def test_unknown_measure_is_a_404_page(client, db):
    response = client.get("/ja/measures/99/")
    assert response.status_code == 404
    assert "ページが見つかりません" in response.content.decode()


def test_measure_page_shows_every_field(client, measure):
    page = measure(1)
    text = visible_text(client.get("/ja/measures/1/").content.decode())
    squeezed = re.sub(r"\s+", "", text)

    def shown(value):
        return re.sub(r"\s+", "", value) in squeezed

    assert shown(page.title)
    assert shown("自治体DX")
    for department in page.departments:
        assert shown(department.name)
    for category in page.categories:
        assert shown(category)
    for area in page.policy_area_list:
        assert shown(area)
    for field in (page.situation, page.content, page.expected_effects):
        for paragraph in field.split("\n\n"):
            assert shown(paragraph)
    for initiative in page.initiatives.all():
        assert shown(initiative.text)
    for entry in page.plan_entries.all():
        assert shown(entry.plan)
    for report in page.progress_reports.all():
        assert shown(report.progress_label)
        for field in (report.achievements, report.issues, report.reason):
            for paragraph in field.split("\n\n"):
                assert shown(paragraph)
    assert shown("令和4年度") and shown("計画通り")
    assert shown("完了令和4年度")  # initiative ④ was completed in FY2022


def test_measure_page_links_its_glossary_terms(client, measure):
    page = measure(1)
    soup = BeautifulSoup(client.get("/ja/measures/1/").content, "html.parser")
    links = {a["href"] for a in soup.select("a.glossary-link")}
    assert page.glossary_terms.exists()
    for term in page.glossary_terms.all():
        assert f"/ja/glossary/#{term.anchor}" in {
            a["href"] for a in soup.select(".term-definitions dt a")
        }
    assert links  # at least one mention in the text is linked
    glossary = BeautifulSoup(client.get("/ja/glossary/").content, "html.parser")
    for href in links:
        assert glossary.find(id=href.split("#")[1]) is not None


def test_evaluation_is_written_in_words(client, db):
    soup = BeautifulSoup(client.get("/ja/measures/21/").content, "html.parser")
    assert "遅延" in [e.get_text(strip=True) for e in soup.select(".evaluation")]


def test_home_page_tables_come_from_the_data(client, measure):
    page = measure(8)
    page.title = "スマート農業の実現（改訂）"
    page.save_revision().publish()
    soup = BeautifulSoup(client.get("/ja/").content, "html.parser")
    captions = [c.get_text(strip=True) for c in soup.find_all("caption")]
    assert any("基本目標1" in c for c in captions)
    # 表1-1, 表1-2 and 表1-3 all name measure 8
    assert soup.get_text().count("スマート農業の実現（改訂）") == 3


def test_measure_list_filters(client, db):
    soup = BeautifulSoup(
        client.get("/ja/measures/?evaluation=slightly_delayed").content, "html.parser"
    )
    numbers = [li["value"] for li in soup.select(".measure-list li")]
    assert numbers == ["8", "17"]
    soup = BeautifulSoup(client.get("/ja/measures/?goal=4").content, "html.parser")
    assert [li["value"] for li in soup.select(".measure-list li")] == ["21", "22", "23", "24"]


def test_glossary_has_one_anchor_per_term(client, db):
    from glossary.models import GlossaryTerm

    soup = BeautifulSoup(client.get("/ja/glossary/").content, "html.parser")
    anchors = [dt["id"] for dt in soup.select("dl.glossary dt")]
    japanese_terms = GlossaryTerm.objects.filter(locale__language_code="ja")
    assert len(anchors) == len(set(anchors)) == japanese_terms.count()
    assert [h.get_text() for h in soup.select("section > h2")][:2] == ["あ行", "か行"]


def test_search_finds_measures(client, db):
    soup = BeautifulSoup(client.get("/ja/search/?q=スマート農業").content, "html.parser")
    assert "スマート農業の実現" in soup.get_text()


def test_read_api_lists_published_pages(client, measure):
    measure(8).unpublish()
    data = client.get("/api/v2/pages/?type=measures.MeasurePage&locale=ja").json()
    assert data["meta"]["total_count"] == 23


@pytest.mark.parametrize(
    ("url", "most"), [("/ja/measures/1/", 50), ("/en/measures/1/", 60), ("/ja/measures/", 30)]
)
def test_pages_read_each_part_once(client, db, django_assert_max_num_queries, url, most):
    # A measure page used to read its departments and plan entries once per use: 125 queries.
    client.get(url)  # fills the per-process caches (site, furigana dictionary version)
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200
