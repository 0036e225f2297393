"""The accessibility policy and its 試験結果 page in every language of the site."""

import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command

from accessibility.management.commands.publish_accessibility_report import DEFAULT_RESULTS

pytestmark = pytest.mark.django_db

TITLES = {
    "ja": ("ウェブアクセシビリティ方針", "試験結果"),
    "en": ("Web accessibility policy", "Test results"),
    "pt-br": ("Política de acessibilidade na web", "Resultados dos testes"),
    "es": ("Política de accesibilidad web", "Resultados de las pruebas"),
    "zh-hans": ("网页无障碍方针", "测试结果"),
    "ko": ("웹 접근성 방침", "시험 결과"),
    "vi": ("Chính sách về khả năng tiếp cận web", "Kết quả kiểm tra"),
}
# A run that ended 2026-11-30T23:30:00Z ended on 1 December in Japan.
TEST_DATES = {
    "ja": "2026年12月1日",
    "en": "Dec. 1, 2026",
    "es": "1 de diciembre de 2026",
    "ko": "2026년 12월 1일",
    "vi": "Ngày 01 tháng 12 năm 2026",
}


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", TITLES)
def test_both_pages_answer_in_every_language_with_the_translated_title(client, language):
    paths = ("accessibility/", "accessibility/results/")
    for path, title in zip(paths, TITLES[language], strict=True):
        soup = soup_of(client, f"/{language}/{path}")
        assert soup.html["lang"] == language
        assert soup.h1.get_text(strip=True) == title
        status = soup.select_one("main .translation-status")
        if language == settings.LANGUAGE_CODE:
            assert status is None
        else:
            assert status.find("a", hreflang="ja")["href"] == f"/ja/{path}"


def test_the_english_policy_is_the_translated_text_naming_the_standards(client):
    soup = soup_of(client, "/en/accessibility/")
    body = soup.main.get_text(" ", strip=True)
    assert "level AA of the Japanese Industrial Standard JIS X 8341-3:2016" in body
    assert "WCAG 2.2" in body
    department = "Information Policy Division (情報政策課), General Policy Department (総合政策部)"
    assert department in body
    assert [h.get_text() for h in soup.main.find_all("h2")][:5] == [
        "Policy",
        "Target conformance level",
        "Scope",
        "How we test",
        "Contact",
    ]


def _checks_table(soup):
    return soup.find(id="checks-caption").find_parent("table")


def test_the_japanese_report_lists_each_check_once_in_japanese(client):
    soup = soup_of(client, "/ja/accessibility/results/")
    labels = [row.th.get_text(strip=True) for row in _checks_table(soup).select("tbody tr")]
    assert len(labels) == len(set(labels)) >= 15
    assert "幅 320 CSS px で、横にスクロールせずに読める" in labels
    english = [label for label in labels if re.search(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+", label)]
    assert english == []
    reflow = next(
        row for row in _checks_table(soup).select("tbody tr") if "幅 320 CSS px" in row.th.text
    )
    cells = [td.get_text(strip=True) for td in reflow.select("td")]
    assert cells[0].startswith("ホーム、施策一覧、施策のページ")
    assert cells[1:] == ["320", "1.4.10", "○ 適合"]


def test_the_english_report_names_checks_page_types_and_criteria_in_english(client):
    soup = soup_of(client, "/en/accessibility/results/")
    table = _checks_table(soup)
    reflow = next(row for row in table.select("tbody tr") if "320 CSS px" in row.th.text)
    assert reflow.th.get_text(strip=True) == (
        "At a width of 320 CSS px the page reads without horizontal scrolling"
    )
    assert reflow.td.get_text(strip=True).startswith("Home, Measures, Measure page")
    criteria = [row.th.get_text(strip=True) for row in soup.select("tbody tr")]
    assert "1.4.3 Contrast (Minimum)" in criteria
    assert "2.5.8 Target Size (Minimum)" in criteria


@pytest.mark.parametrize(("language", "date"), TEST_DATES.items())
def test_the_test_date_is_in_the_readers_format(client, tmp_path, language, date):
    results = json.loads(DEFAULT_RESULTS.read_text(encoding="utf-8"))
    results["generated_at"] = "2026-11-30T23:30:00+00:00"
    path = tmp_path / "a11y-results.json"
    path.write_text(json.dumps(results), encoding="utf-8")
    call_command("publish_accessibility_report", str(path), stdout=io.StringIO())

    soup = soup_of(client, f"/{language}/accessibility/results/")
    tested = soup.select_one(".facts time")
    assert tested.get_text() == date
    assert tested["datetime"] == "2026-12-01T08:30:00+09:00"
    assert not re.search(r"\d{4}-\d\d-\d\dT", soup.main.get_text())


@pytest.mark.parametrize("language", TITLES)
def test_the_report_has_no_empty_fragment(client, language):
    main = soup_of(client, f"/{language}/accessibility/results/").main
    for element in main.find_all(["li", "ul", "h2", "th", "td", "dd", "p", "caption"]):
        assert element.get_text(strip=True), (language, str(element)[:80])
    text = main.get_text()
    assert "()" not in text and "（）" not in text and "( )" not in text
