"""The 試験結果 page: computed from a test run's results, published by a command."""

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import CommandError, call_command

from accessibility.report import FAILED, NOT_APPLICABLE, NOT_TESTED, PASSED, summarise

RESULTS = {
    "format": 1,
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
            "language": "ja",
            "width": 1280,
            "passes": ["image-alt"],
            "violations": [{"id": "color-contrast", "impact": "serious", "nodes": [["p"]]}],
            "inapplicable": ["video-caption"],
        },
        {"url": "/en/", "language": "en", "width": 320, "passes": [], "violations": []},
    ],
    "checks": [{"name": "skip link first", "criteria": ["2.4.1"], "outcome": "passed", "urls": []}],
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
    assert [p["url"] for p in summary["pages"]] == ["/en/", "/ja/"]


def publish(tmp_path, results):
    path = tmp_path / "a11y-results.json"
    path.write_text(json.dumps(results), encoding="utf-8")
    out = io.StringIO()
    call_command("publish_accessibility_report", str(path), stdout=out)
    return out.getvalue()


def test_the_command_publishes_policy_and_results_pages(client, db, tmp_path):
    assert publish(tmp_path, RESULTS).startswith("Published /home/accessibility/results/")

    policy = client.get("/ja/accessibility/")
    assert policy.status_code == 200
    assert "JIS X 8341-3:2016" in policy.content.decode()
    soup = BeautifulSoup(client.get("/ja/accessibility/results/").content, "html.parser")
    rows = {
        r.th.get_text(strip=True): r.select("td")[-1].get_text(strip=True)
        for r in soup.select("tbody tr")
    }
    assert rows["1.4.3 コントラスト（最低限）"] == "× 不適合"
    assert rows["1.1.1 非テキストコンテンツ"] == "○ 適合"
    assert rows["2.5.8 ターゲットのサイズ（最低限）"] == "自動試験の対象外（目視で確認）"

    assert publish(tmp_path, RESULTS).startswith("Nothing changed")


def test_a_broken_results_file_is_refused(db, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not a results file"):
        call_command("publish_accessibility_report", str(path), stdout=io.StringIO())


def test_without_a_path_the_committed_results_are_published(db):
    """Never a local test-results/ file: a partial run must not become the public report."""
    from accessibility.management.commands.publish_accessibility_report import DEFAULT_RESULTS
    from accessibility.models import AccessibilityReportPage

    committed = json.loads(DEFAULT_RESULTS.read_text(encoding="utf-8"))
    call_command("publish_accessibility_report", stdout=io.StringIO())

    assert DEFAULT_RESULTS == settings.BASE_DIR / "accessibility" / "data" / "a11y-results.json"
    published = AccessibilityReportPage.objects.get().results
    assert published["generated_at"] == committed["generated_at"]
