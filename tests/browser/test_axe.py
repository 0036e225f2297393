"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any page type, language or width.

Every browser test run writes test-results/a11y-results.json, read by the command that makes the
試験結果 (accessibility test results) page:

    {
      "format": 1,
      "generated_at": "2026-11-26T06:00:00+00:00",         # UTC, when the run ended
      "tool": {"axe_core": "4.10.3"},
      "axe_tags": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
      "rules": {                                          # every axe rule that was run
        "color-contrast": {"help": str, "description": str, "tags": ["wcag2aa", "wcag143", …]}
      },
      "pages": [{                                         # one per URL × language × width
        "url": "/ja/measures/1/", "page": "measure",      # page type, see tests/browser/pages.py
        "language": "ja", "width": 1280, "status": 200,   # HTTP status (404 for the 404 page)
        "passes": [rule id, …], "inapplicable": [rule id, …], "incomplete": [rule id, …],
        "violations": [{"id": rule id, "impact": "serious", "nodes": [[CSS selector, …], …]}]
      }],
      "checks": [{                                        # our own checks, beyond what axe sees
        "name": "skip link is the first focusable element",
        "criteria": ["2.4.1"],                            # WCAG success criteria it covers
        "test": "tests/browser/test_keyboard.py::test_skip_link_comes_first[ja-home]",
        "outcome": "passed" | "failed" | "skipped",
        "urls": ["/ja/"]                                  # the pages it visited
      }],
      "fonts": {"url": "/ja/measures/1/", "runs": 3,     # font bytes of a first view, medians
                "site": {"400": bytes, "700": bytes}, "generic": {"400": bytes, "700": bytes}}
    }

A rule's WCAG success criteria are in its tags: "wcag143" is 1.4.3, "wcag1410" is 1.4.10.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import LANGUAGES, PAGES, WIDTHS, url

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violation(open_page, results, name, language, width):
    page = open_page(url(language, PAGES[name]), width=width)
    status = page.evaluate("performance.getEntriesByType('navigation')[0].responseStatus")
    response = (
        Axe()
        .run(
            page,
            options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
        )
        .response
    )
    results.axe_tags = AXE_TAGS
    results.add_axe_run(
        url=url(language, PAGES[name]),
        page=name,
        language=language,
        width=width,
        status=status,
        response=response,
    )

    violations = [
        (rule["id"], [node["target"] for node in rule["nodes"]]) for rule in response["violations"]
    ]
    assert violations == []
