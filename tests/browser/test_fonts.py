"""Font bytes of a measure page's first view, from the browser's resource timing.

The site's own subsets (core + the page's own) against generic unicode-range slicing in Google
Fonts' / Fontsource's order, served for the comparison by rewriting the page to use only the
benchmark stylesheet that `build_fonts --benchmark` cuts. The conftest prints the medians.
"""

import re
import statistics

import pytest

from tests.browser.pages import MEASURE

RUNS = 3
BUDGET = 200 * 1024
SHARE_OF_GENERIC = 0.35
FONT_BYTES = """
() => performance.getEntriesByType("resource")
  .filter((e) => e.name.endsWith(".woff2"))
  .map((e) => [e.name, e.transferSize || e.encodedBodySize])
"""


def _by_weight(entries):
    totals = {"400": 0, "700": 0}
    for name, size in entries:
        totals[re.search(r"-(400|700)-", name).group(1)] += size
    return totals


def _first_view(browser, address, rewrite=None):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        if rewrite:
            page.route(
                address,
                lambda route: route.fulfill(
                    response=route.fetch(), body=rewrite(route.fetch().text())
                ),
            )
        page.goto(address)
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_load_state("networkidle")
        return _by_weight(page.evaluate(FONT_BYTES))
    finally:
        context.close()


def _generic_only(benchmark_stylesheet):
    def rewrite(html):
        html = re.sub(r'\s*<link rel="preload"[^>]*as="font"[^>]*>', "", html)
        html = re.sub(r'\s*<link rel="stylesheet" id="page-fonts"[^>]*>', "", html)
        return re.sub(
            r'href="[^"]*/fonts/faces-[^"]*\.css"', f'href="{benchmark_stylesheet}"', html
        )

    return rewrite


@pytest.mark.a11y_check("font-bytes")
def test_measure_page_font_bytes(browser, site_url, results, note_visit):
    import json
    import urllib.request

    with urllib.request.urlopen(f"{site_url}/media/fonts/manifest.json") as response:  # noqa: S310
        benchmark = "/media/" + json.load(response)["benchmark_stylesheet"]
    address = site_url + MEASURE
    note_visit(MEASURE, 1280)
    site = [_first_view(browser, address) for _ in range(RUNS)]
    generic = [_first_view(browser, address, _generic_only(benchmark)) for _ in range(RUNS)]
    weights = ("400", "700")
    results.set_fonts(
        url=MEASURE,
        runs=RUNS,
        site={w: [run[w] for run in site] for w in weights},
        generic={w: [run[w] for run in generic] for w in weights},
    )

    for weight in weights:
        used = statistics.median(run[weight] for run in site)
        slicing = statistics.median(run[weight] for run in generic)
        assert 0 < used <= BUDGET
        assert used <= SHARE_OF_GENERIC * slicing
