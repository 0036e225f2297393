"""Structure a screen reader relies on: landmarks, one h1 and a heading order without gaps,
tables with captions and scoped headers, and evaluations that never rely on colour alone."""

import pytest

from tests.browser.pages import LANGUAGES, PAGES, url

LANDMARKS = """
() => ({
  banner: document.querySelectorAll("body > header").length,
  main: document.querySelectorAll("main").length,
  navigation: document.querySelectorAll("nav").length,
  contentinfo: document.querySelectorAll("body > footer").length,
  outside: Array.from(document.body.children).filter((el) =>
    !["HEADER", "MAIN", "FOOTER", "SCRIPT"].includes(el.tagName) && !el.matches(".skip-link")
  ).map((el) => el.tagName),
  headings: Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"))
    .filter((h) => h.getClientRects().length > 0).map((h) => Number(h.tagName[1])),
})
"""


@pytest.mark.a11y_check(
    "landmarks-headings",
    criteria=["1.3.1", "2.4.1", "2.4.6"],
)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_landmarks_and_heading_order(open_page, name, language):
    found = open_page(url(language, PAGES[name])).evaluate(LANDMARKS)
    levels = found["headings"]
    jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]

    assert (found["banner"], found["main"], found["contentinfo"]) == (1, 1, 1)
    assert found["navigation"] >= 1
    assert found["outside"] == []
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert jumps == []


TABLES = """
() => Array.from(document.querySelectorAll("table")).map((table) => {
  const wrap = table.closest(".table-wrap");
  return {
    caption: table.caption ? table.caption.textContent.trim().length > 0 : false,
    unscoped: Array.from(table.querySelectorAll("th"))
      .filter((th) => !th.getAttribute("scope")).length,
    scrolls: wrap ? wrap.scrollWidth > wrap.clientWidth : false,
    region: wrap ? wrap.tabIndex === 0 && wrap.getAttribute("role") === "region"
      && !!document.getElementById(wrap.getAttribute("aria-labelledby")) : false,
  };
})
"""


@pytest.mark.a11y_check(
    "table-structure",
    criteria=["1.3.1", "1.4.10", "2.1.1"],
)
@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("name", ["home", "measure", "open-data"])
def test_tables_have_captions_and_scoped_headers(open_page, name, width):
    tables = open_page(url("ja", PAGES[name]), width=width).evaluate(TABLES)

    assert tables
    assert [t for t in tables if not t["caption"] or t["unscoped"] or not t["region"]] == []


EVALUATIONS = """
() => Array.from(document.querySelectorAll(".evaluation")).map((el) => ({
  kind: el.className.replace("evaluation evaluation--", ""),
  text: el.textContent.trim(),
  symbol: getComputedStyle(el, "::before").content,
}))
"""


@pytest.mark.a11y_check(
    "evaluation-not-colour-only",
    criteria=["1.4.1"],
)
@pytest.mark.parametrize("name", ["home", "measure-list"])
def test_evaluation_is_not_shown_by_colour_alone(open_page, name):
    evaluations = open_page(url("ja", PAGES[name])).evaluate(EVALUATIONS)
    words = {e["kind"]: e["text"] for e in evaluations}
    symbols = {e["kind"]: e["symbol"] for e in evaluations}

    assert words == {"on_track": "計画通り", "slightly_delayed": "少し遅延", "delayed": "遅延"}
    assert len(set(symbols.values())) == 3
    assert all(symbol not in ("none", "normal", '""') for symbol in symbols.values())
