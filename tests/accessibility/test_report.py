"""The 試験結果 page: computed from a test run's results, published by a command."""

import ast
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation

from accessibility.models import AccessibilityReportPage
from accessibility.report import (
    FAILED,
    NOT_APPLICABLE,
    NOT_RUN,
    NOT_TESTED,
    PASSED,
    check_lines,
    group_checks,
    summarise,
)
from accessibility.site_checks import CHECK_LABELS, PAGE_TYPE_LABELS, UnknownCheck, check_label


def check(check_id="skip-link", outcome=PASSED, pages=("home",), widths=(1280,), criteria=()):
    return {
        "id": check_id,
        "criteria": list(criteria),
        "test": f"tests/browser/test_x.py::test_{check_id}",
        "outcome": outcome,
        "urls": [],
        "pages": list(pages),
        "widths": list(widths),
    }


RESULTS = {
    "format": 2,
    "generated_at": "2026-11-25T21:00:00+09:00",
    "tool": {"axe_core": "4.10.2"},
    "rules": {
        "image-alt": {"tags": ["wcag2a", "wcag111"]},
        "color-contrast": {"tags": ["wcag2aa", "wcag143"]},
        "video-caption": {"tags": ["wcag2a", "wcag122"]},
    },
    "pages": [
        {
            "url": "/ja/",
            "page": "home",
            "language": "ja",
            "width": 1280,
            "passes": ["image-alt"],
            "violations": [{"id": "color-contrast", "impact": "serious", "nodes": [["p"]]}],
            "inapplicable": ["video-caption"],
        },
        {"url": "/en/", "page": "home", "language": "en", "width": 320, "passes": []},
        {"url": "/en/", "page": "home", "language": "en", "width": 1280, "passes": []},
    ],
    "checks": [
        check("skip-link", criteria=["2.4.1"]),
        check("font-bytes", pages=(), widths=()),
    ],
}


def result_of(summary, number):
    return next(c["result"] for c in summary["criteria"] if c["number"] == number)


def test_each_criterion_gets_the_worst_outcome_seen():
    summary = summarise(RESULTS)
    assert result_of(summary, "1.1.1") == PASSED
    assert result_of(summary, "1.4.3") == FAILED
    assert result_of(summary, "1.2.2") == NOT_APPLICABLE
    assert result_of(summary, "2.4.1") == PASSED
    assert result_of(summary, "3.3.8") == NOT_TESTED


def test_each_url_is_listed_once_with_every_width_it_was_tested_at():
    pages = summarise(RESULTS)["pages"]
    assert pages == [
        {"url": "/en/", "page": "home", "language": "en", "widths": [1280, 320]},
        {"url": "/ja/", "page": "home", "language": "ja", "widths": [1280]},
    ]


def test_the_runs_of_a_check_make_one_line_with_all_they_covered():
    grouped = group_checks(
        [
            check("reflow-320", pages=["measure"], widths=[320], criteria=["1.4.10"]),
            check("skip-link", pages=["home"], criteria=["2.4.1"]),
            check("reflow-320", pages=["home", "glossary"], widths=[320], criteria=["1.4.10"]),
            check("skip-link", pages=["open-data"], widths=[320], criteria=["2.4.1"]),
        ]
    )
    assert grouped == [
        {
            "id": "reflow-320",
            "criteria": ["1.4.10"],
            "pages": ["home", "measure", "glossary"],  # in the order of the site's page types
            "widths": [320],
            "runs": 2,
            "failed": 0,
            "outcome": PASSED,
        },
        {
            "id": "skip-link",
            "criteria": ["2.4.1"],
            "pages": ["home", "open-data"],
            "widths": [1280, 320],
            "runs": 2,
            "failed": 0,
            "outcome": PASSED,
        },
    ]


def test_criteria_are_in_numeric_order_and_one_failed_run_fails_the_check():
    [grouped] = group_checks(
        [
            check("focus-visible", criteria=["2.4.11", "2.4.7"]),
            check("focus-visible", outcome=FAILED, criteria=["2.1.1"]),
            check("focus-visible", outcome="skipped"),
        ]
    )
    assert grouped["criteria"] == ["2.1.1", "2.4.7", "2.4.11"]
    assert (grouped["outcome"], grouped["failed"], grouped["runs"]) == (FAILED, 1, 3)


def test_a_check_with_skipped_runs_and_no_failure_is_not_reported_as_passed():
    [grouped] = group_checks([check("skip-link"), check("skip-link", outcome="skipped")])
    assert grouped["outcome"] == NOT_RUN


def test_a_check_or_page_type_without_a_label_is_refused():
    with pytest.raises(UnknownCheck, match="'skip link is first'"):
        group_checks([check("skip link is first")])
    with pytest.raises(UnknownCheck, match="page type 'admin'"):
        group_checks([check("skip-link", pages=["admin"])])


def test_labels_are_looked_up_in_the_readers_language():
    grouped = group_checks([check("reflow-320", pages=["measure", "other"], widths=[320])])
    [japanese] = check_lines(grouped)
    assert japanese.label == "幅 320 CSS px で、横にスクロールせずに読める"
    assert japanese.pages == ["施策のページ", "その他のページ"]
    with translation.override("en"):
        [english] = check_lines(grouped)
    assert english.label == "At a width of 320 CSS px the page reads without horizontal scrolling"
    assert english.pages == ["Measure page", "Other pages"]


def test_every_label_is_translated_into_every_language():
    labels = {**CHECK_LABELS, **{f"page {key}": label for key, label in PAGE_TYPE_LABELS.items()}}
    japanese = {key: str(label) for key, label in labels.items()}
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        with translation.override(code):
            untranslated = [key for key, label in labels.items() if str(label) == japanese[key]]
        assert untranslated == [], code


def _browser_check_ids():
    """The id of every @pytest.mark.a11y_check(…) in the browser tests."""
    for path in sorted(Path(settings.BASE_DIR, "tests", "browser").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "a11y_check":
                yield path.name, node.args[0].value


def test_every_check_of_the_browser_tests_has_a_label():
    ids = list(_browser_check_ids())
    assert len(ids) >= 20
    for filename, check_id in ids:
        assert check_id in CHECK_LABELS, (filename, check_id)
        check_label(check_id)


def publish(tmp_path, results):
    path = tmp_path / "a11y-results.json"
    path.write_text(json.dumps(results), encoding="utf-8")
    out = io.StringIO()
    call_command("publish_accessibility_report", str(path), stdout=out)
    return out.getvalue()


def test_the_command_publishes_the_results_in_every_language(client, db, tmp_path):
    output = publish(tmp_path, RESULTS)
    assert output.startswith("Published /home/accessibility/results/")
    assert "the same results in 6 translations" in output

    soup = BeautifulSoup(client.get("/ja/accessibility/results/").content, "html.parser")
    rows = {
        r.th.get_text(strip=True): r.select("td")[-1].get_text(strip=True)
        for r in soup.select("tbody tr")
    }
    assert rows["1.4.3 コントラスト（最低限）"] == "× 不適合"
    assert rows["1.1.1 非テキストコンテンツ"] == "○ 適合"
    assert rows["2.5.8 ターゲットのサイズ（最低限）"] == "自動試験の対象外（目視で確認）"
    summary = summarise(RESULTS)
    pages = AccessibilityReportPage.objects.live()
    assert pages.count() == len(settings.LANGUAGES)
    assert all(page.results == summary for page in pages)

    assert publish(tmp_path, RESULTS).startswith("Nothing changed")


def test_a_translated_results_page_keeps_its_translated_title_when_republished(db, tmp_path):
    publish(tmp_path, RESULTS)
    english = AccessibilityReportPage.objects.get(locale__language_code="en")
    assert english.title == "Test results"
    newer = {**RESULTS, "generated_at": "2026-12-01T09:00:00+09:00"}
    publish(tmp_path, newer)
    english.refresh_from_db()
    assert english.title == "Test results"
    assert english.results["generated_at"] == "2026-12-01T09:00:00+09:00"
    assert english.live and not english.has_unpublished_changes


def test_a_broken_results_file_is_refused(db, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not a results file"):
        call_command("publish_accessibility_report", str(path), stdout=io.StringIO())


def test_a_results_file_with_an_unlabelled_check_is_refused(db, tmp_path):
    results = {**RESULTS, "checks": [check("a check nobody labelled")]}
    with pytest.raises(CommandError, match="has no label"):
        publish(tmp_path, results)
    published = {page.results["generated_at"] for page in AccessibilityReportPage.objects.all()}
    assert RESULTS["generated_at"] not in published


def test_without_a_path_the_committed_results_are_published(db):
    """Never a local test-results/ file: a partial run must not become the public report."""
    from accessibility.management.commands.publish_accessibility_report import DEFAULT_RESULTS

    committed = json.loads(DEFAULT_RESULTS.read_text(encoding="utf-8"))
    call_command("publish_accessibility_report", stdout=io.StringIO())

    assert DEFAULT_RESULTS == settings.BASE_DIR / "accessibility" / "data" / "a11y-results.json"
    published = AccessibilityReportPage.objects.live()
    assert {page.results["generated_at"] for page in published} == {committed["generated_at"]}
    assert summarise(committed) == published.first().results
