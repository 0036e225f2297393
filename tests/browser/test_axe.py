"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any page type, language or width.

Each page type is loaded once per language and checked at every width by resizing the viewport
(the site's layout follows media queries only), so seven languages cost one load a page each.

Every browser test run writes test-results/a11y-results.json, read by the command that makes the
試験結果 (accessibility test results) page:

    {
      "format": 2,
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
        "id": "skip-link",                                # its label: accessibility/site_checks.py
        "criteria": ["2.4.1"],                            # WCAG success criteria it covers
        "test": "tests/browser/test_keyboard.py::test_skip_link_comes_first[ja-home]",
        "outcome": "passed" | "failed" | "skipped",
        "urls": ["/ja/"],                                 # the pages it visited,
        "pages": ["home"], "widths": [1280]               # their page types and widths
      }],
      "fonts": {"url": "/ja/measures/1/", "runs": 3,     # font bytes of a first view, medians
                "site": {"400": bytes, "700": bytes}, "generic": {"400": bytes, "700": bytes}}
    }

A rule's WCAG success criteria are in its tags: "wcag143" is 1.4.3, "wcag1410" is 1.4.10.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import ALL_LANGUAGES, PAGES, WIDTHS, url

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
AXE_SCRIPT = Axe().axe_script
# Resolves once the page has laid itself out again after a resize.
LAID_OUT = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.mark.parametrize("language", ALL_LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violation(open_page, results, name, language):
    path = url(language, PAGES[name])
    page = open_page(path, width=WIDTHS[0])
    status = page.evaluate("performance.getEntriesByType('navigation')[0].responseStatus")
    results.axe_tags = AXE_TAGS
    page.evaluate(AXE_SCRIPT)  # once: resizing keeps the page, and axe in it
    violations = {}
    for width in WIDTHS:
        if width != WIDTHS[0]:
            page.set_viewport_size({"width": width, "height": page.viewport_size["height"]})
            page.evaluate(LAID_OUT)
        response = page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
        results.add_axe_run(
            url=path, page=name, language=language, width=width, status=status, response=response
        )
        found = [
            (rule["id"], [n["target"] for n in rule["nodes"]]) for rule in response["violations"]
        ]
        if found:
            violations[width] = found

    assert violations == {}
