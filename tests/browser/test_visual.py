"""What a reader sees: contrast in every colour scheme, reflow at 320 px, text at 200 %, reduced
motion, the print stylesheet, Japanese typography and the font stack of each language."""

import io
import re

import pytest
from pypdf import PdfReader

from tests.browser.pages import LANGUAGES, MEASURE, OPEN_READING_AIDS, PAGES, url

SCHEMES = {
    "standard": {"color_scheme": "light"},
    "standard-dark": {"color_scheme": "dark"},
    "contrast": {"cookies": {"color_scheme": "contrast"}},
    "blue": {"cookies": {"color_scheme": "blue"}},
}

CONTRAST = """
() => {
  const parse = (c) => {
    const p = c.match(/rgba?\\(([^)]+)\\)/)[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => [0, 1, 2]
    .map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const luminance = (rgb) => rgb.slice(0, 3).map((v) => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
    return (x + 0.05) / (y + 0.05);
  };
  const canvas = parse(getComputedStyle(document.body).backgroundColor);
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    const ground = canvas[3] ? canvas : [255, 255, 255, 1];
    return layers.reverse().reduce((bg, layer) => over(layer, bg), ground);
  };
  const low = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el.getClientRects().length || el.closest("[hidden]")) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden") continue;
    const bg = background(el);
    const value = ratio(over(parse(style.color), bg), bg);
    if (value < 4.5) low.push([el.tagName, node.textContent.trim().slice(0, 20), value.toFixed(2)]);
  }
  // Colours the page cannot show on demand: visited links and the evaluations, on both grounds.
  const root = getComputedStyle(document.documentElement);
  const probe = (name) => {
    const el = document.createElement("span");
    el.style.color = `var(${name})`;
    document.body.appendChild(el);
    const c = parse(getComputedStyle(el).color);
    el.remove();
    return c;
  };
  for (const name of ["--color-link-visited", "--color-link", "--color-muted", "--color-on-track",
                      "--color-slightly-delayed", "--color-delayed", "--color-text"]) {
    for (const ground of ["--color-background", "--color-surface"]) {
      const value = ratio(probe(name), probe(ground));
      if (value < 4.5) low.push([name, ground, value.toFixed(2)]);
    }
  }
  return low;
}
"""


@pytest.mark.a11y_check(
    "text contrast is at least 4.5:1 in every colour scheme (標準 light/dark, 黒地に黄, 青地に白)",
    criteria=["1.4.3", "1.4.6"],
)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", ["home", "measure", "measure-list", "search-hits"])
def test_text_contrast_in_every_scheme(open_page, name, scheme):
    page = open_page(url("ja", PAGES[name]), **SCHEMES[scheme])
    page.evaluate(OPEN_READING_AIDS)
    if name == "measure":
        page.locator("a.glossary-link").first.click()  # an open popover too

    assert page.evaluate(CONTRAST) == []


NO_HORIZONTAL_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.mark.a11y_check(
    "at 320 CSS px the page reflows without horizontal scrolling", criteria=["1.4.10"]
)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_reflow_at_320_px(open_page, name, language):
    page = open_page(url(language, PAGES[name]), width=320)
    page.evaluate(OPEN_READING_AIDS)

    assert page.evaluate(NO_HORIZONTAL_SCROLL)


CLIPPED = """
() => Array.from(document.querySelectorAll("body *")).filter((el) => {
  const style = getComputedStyle(el);
  const clipping = ["hidden", "clip"];
  const clips = clipping.includes(style.overflowX) || clipping.includes(style.overflowY);
  return clips && el.getClientRects().length
    && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
}).map((el) => el.tagName + "." + el.className)
"""


@pytest.mark.a11y_check(
    "text resized to 200 % loses nothing: no clipped box, no horizontal scrolling",
    criteria=["1.4.4"],
)
@pytest.mark.parametrize("size", ["browser-200", "text-x-large"])
@pytest.mark.parametrize("name", ["home", "measure", "measure-list", "glossary"])
def test_text_resized_to_200_percent(open_page, name, size):
    if size == "browser-200":
        page = open_page(url("ja", PAGES[name]))
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        expected = 32
    else:
        page = open_page(url("ja", PAGES[name]), cookies={"text_size": "x-large"})
        expected = 24
    page.evaluate(OPEN_READING_AIDS)

    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == expected
    assert page.evaluate(NO_HORIZONTAL_SCROLL)
    assert page.evaluate(CLIPPED) == []


MOTION = """
() => ({
  scroll: getComputedStyle(document.documentElement).scrollBehavior,
  moving: Array.from(document.querySelectorAll("*")).filter((el) => {
    const style = getComputedStyle(el);
    const seconds = (v) => Math.max(...v.split(",").map((s) => parseFloat(s) || 0));
    return seconds(style.transitionDuration) > 0 || seconds(style.animationDuration) > 0;
  }).length,
})
"""


@pytest.mark.a11y_check(
    "prefers-reduced-motion turns off smooth scrolling and transitions", criteria=["2.3.3"]
)
def test_reduced_motion_is_respected(open_page):
    moving = open_page(MEASURE, reduced_motion="no-preference").evaluate(MOTION)
    still = open_page(MEASURE, reduced_motion="reduce").evaluate(MOTION)

    assert moving["scroll"] == "smooth"
    assert moving["moving"] > 0
    assert still == {"scroll": "auto", "moving": 0}


PRINTED = """
() => {
  const shown = (selector) => Array.from(document.querySelectorAll(selector))
    .some((el) => getComputedStyle(el).display !== "none");
  const body = getComputedStyle(document.body);
  return {
    chrome: ["header.site-header", ".site-footer", ".skip-link", ".reading-aids", ".breadcrumbs"]
      .filter(shown),
    main: shown("main"), tables: shown("table"),
    colour: body.color, background: body.backgroundColor,
    scrolling: Array.from(document.querySelectorAll(".table-wrap"))
      .filter((el) => getComputedStyle(el).overflowX !== "visible").length,
  };
}
"""


@pytest.mark.a11y_check(
    "measure pages print their content only, black on white, tables whole", criteria=["1.4.8"]
)
def test_print_stylesheet_for_measure_pages(open_page):
    page = open_page(MEASURE, cookies={"color_scheme": "contrast"})
    page.emulate_media(media="print")

    assert page.evaluate(PRINTED) == {
        "chrome": [],
        "main": True,
        "tables": True,
        "colour": "rgb(0, 0, 0)",
        "background": "rgb(255, 255, 255)",
        "scrolling": 0,
    }
    printed = _pdf_text(page.pdf())
    assert _squeezed(page.locator("main h1").inner_text()) in printed
    assert _squeezed(page.locator("main p").first.inner_text()) in printed
    assert _squeezed(page.locator(".skip-link").inner_text()) not in printed


def _squeezed(text):
    return re.sub(r"\s+", "", text)


def _pdf_text(pdf):
    return _squeezed("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


TYPOGRAPHY = """
() => {
  const body = getComputedStyle(document.body);
  const size = parseFloat(body.fontSize);
  const paragraphs = Array.from(document.querySelectorAll("main p"));
  return {
    size,
    lineHeight: Math.round(parseFloat(body.lineHeight) / size * 100) / 100,
    letterSpacing: Math.round(parseFloat(body.letterSpacing) / size * 1000) / 1000,
    justified: Array.from(document.querySelectorAll("body *"))
      .filter((el) => getComputedStyle(el).textAlign === "justify").length,
    widest: Math.max(...paragraphs.map((p) => {
      const s = getComputedStyle(p);
      return p.clientWidth / (parseFloat(s.fontSize) + parseFloat(s.letterSpacing));
    })),
  };
}
"""


@pytest.mark.a11y_check(
    "Japanese typography: 16-17 px body, line height 1.7, letter spacing 0.02em, at most 40 "
    "full-width characters a line, no justified text",
    criteria=["1.4.8", "1.4.12"],
)
@pytest.mark.parametrize("name", ["home", "measure", "glossary"])
def test_japanese_typography(open_page, name):
    found = open_page(url("ja", PAGES[name])).evaluate(TYPOGRAPHY)

    assert 16 <= found["size"] <= 17
    assert found["lineHeight"] == 1.7
    assert found["letterSpacing"] == 0.02
    assert found["justified"] == 0
    assert found["widest"] <= 40


DRAWN = "main h1:lang({0}), main h1 :lang({0}), main p:lang({0})"


# The font-family of every element drawn (and of what it holds: a Japanese passage inside a
# Korean paragraph asks for the Japanese stack), our served copies by their font's name.
STACKS = """(selector) => [...new Set([...document.querySelectorAll(selector)]
  .flatMap((el) => [el, ...el.querySelectorAll("*")])
  .flatMap((el) => getComputedStyle(el).fontFamily.split(","))
  .map((name) => name.trim().replace(/^"|"$/g, "").replace(/^Plan /, "")))]"""


def _drawing_fonts(page, language):
    """{(family, served by the site): glyphs} of the fonts that drew the page's heading and
    paragraphs in its language (passages still in Japanese are marked lang="ja"), and the
    families those elements ask for."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    drawn = {}
    selector = DRAWN.format(language)
    stacks = set(page.evaluate(STACKS, selector))
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
        for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            key = (font["familyName"], font["isCustomFont"])
            drawn[key] = drawn.get(key, 0) + font["glyphCount"]
    return drawn, stacks


@pytest.mark.a11y_check(
    "every language's text is drawn by a font of its stack that has its glyphs: the served BIZ UD "
    "subsets for Japanese and English, a Hangul, Simplified Chinese or Vietnamese font for "
    "Korean, Chinese and Vietnamese",
    criteria=["1.4.8"],
)
@pytest.mark.parametrize(
    "language",
    [
        pytest.param(
            "ja",
            marks=pytest.mark.xfail(
                strict=True,
                reason="some glyphs of the Japanese home page (its new progress charts) are "
                "drawn by a system font: a character the served subsets lack, not yet found",
            ),
        ),
        "en",
        "ko",
        "zh-hans",
        "vi",
    ],
)
def test_each_language_is_drawn_by_a_font_with_its_glyphs(open_page, language):
    page = open_page(f"/{language}/")

    drawn, stacks = _drawing_fonts(page, language)

    assert sum(drawn.values()) > 20, drawn
    assert {family for family, _custom in drawn} <= stacks, (stacks, drawn)
    if language in ("ja", "en"):
        assert set(drawn) == {("BIZ UDPGothic", True)}  # the site's own subsets, not a system copy
