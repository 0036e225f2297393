"""Tables read on every width: no word is split inside a cell, so no cell is narrower than its
longest word; 表1-2 and the plan table stack their rows on small screens."""

import pytest

from tests.browser.pages import PAGES, url

LANGUAGES = ["ja", "en", "pt-br"]
WIDTHS = [320, 390, 1280]

# Every run of Latin letters or digits in a cell must sit on one line and fit the cell. A hyphen
# ends a word here: breaking after it ("Wi-" / "Fi") is ordinary line breaking, not splitting.
# The column headers a stacked table keeps only for screen readers are left out.
SPLIT_WORDS = """
() => {
  const found = [];
  const word = /[\\p{Script=Latin}\\p{N}][\\p{Script=Latin}\\p{N}'’.]*/gu;
  for (const cell of document.querySelectorAll("main td, main th")) {
    if (!cell.getClientRects().length) continue;
    const head = cell.closest("thead");
    if (head && getComputedStyle(head).position === "absolute") continue;
    const style = getComputedStyle(cell);
    const inner = cell.getBoundingClientRect().width
      - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(word)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
        const width = range.getBoundingClientRect().width;
        if (lines.size > 1 || width > inner + 1) {
          found.push({word: match[0], cell: cell.textContent.trim().slice(0, 40), lines: lines.size,
                      width: Math.round(width), cellWidth: Math.round(inner)});
        }
      }
    }
  }
  return found;
}
"""

STACKED = """
() => Array.from(document.querySelectorAll("table.stack-table")).map((table) => ({
  display: getComputedStyle(table.querySelector("tbody tr")).display,
  label: getComputedStyle(table.querySelector("tbody td"), "::before").content,
}))
"""


@pytest.mark.a11y_check(
    "table-words-unbroken",
    criteria=["1.4.10", "1.3.2"],
)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["home", "measure"])
def test_no_cell_is_narrower_than_its_longest_word(open_page, name, language, width):
    page = open_page(url(language, PAGES[name]), width=width)
    assert page.locator("main table").count() > 0
    assert page.evaluate(SPLIT_WORDS) == []


@pytest.mark.a11y_check(
    "tables-stack",
    criteria=["1.4.10", "1.3.1"],
)
@pytest.mark.parametrize("name", ["home", "measure"])
def test_progress_tables_stack_at_small_widths(open_page, name):
    stacked = open_page(url("en", PAGES[name]), width=390).evaluate(STACKED)
    wide = open_page(url("en", PAGES[name]), width=1280).evaluate(STACKED)

    assert stacked and all(t["display"] == "block" for t in stacked)
    assert all(t["label"] not in ("none", "normal") for t in stacked)
    assert all(t["display"] == "table-row" for t in wide)
