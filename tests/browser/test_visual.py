"""What a reader sees: contrast in every colour scheme, reflow at 320 px, text at 200 %, reduced
motion, the print stylesheet, Japanese typography and the font stack of each language."""

import io
import re
import urllib.request

import pytest
from django.conf import settings
from fontTools.ttLib import TTFont
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
    "text-contrast",
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


@pytest.mark.a11y_check("reflow-320", criteria=["1.4.10"])
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
    "text-resize-200",
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


@pytest.mark.a11y_check("reduced-motion", criteria=["2.3.3"])
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


@pytest.mark.a11y_check("print-measure", criteria=["1.4.8"])
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
    "japanese-typography",
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


# The text the page draws, element by element, with the font stack and weight it is drawn in;
# and the @font-face rules of the page, with the address of their files.
RENDERED_TEXT = """
() => {
  const runs = [];
  const add = (el, text, pseudo) => {
    const style = getComputedStyle(el, pseudo);
    text = text.replace(/\\s/g, (c) => (c === "\\u3000" ? c : ""));
    if (text) runs.push({text, family: style.fontFamily, weight: parseInt(style.fontWeight)});
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el.checkVisibility({visibilityProperty: true}) || el.closest("svg")) continue;
    add(el, node.textContent, null);
  }
  for (const el of document.body.querySelectorAll("*")) {
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    for (const pseudo of ["::before", "::after"]) {
      const content = getComputedStyle(el, pseudo).content;
      const quoted = content.match(/^"([^"]*)"/);
      if (quoted) add(el, quoted[1], pseudo);
    }
  }
  const faces = [];
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const url = rule.style.getPropertyValue("src").match(/url\\("?([^")]+)"?\\)/)[1];
      faces.push({
        family: rule.style.getPropertyValue("font-family").replace(/^"|"$/g, ""),
        weight: parseInt(rule.style.getPropertyValue("font-weight")),
        range: rule.style.getPropertyValue("unicode-range"),
        url: new URL(url, sheet.href || document.baseURI).href,
      });
    }
  }
  return {runs, faces};
}
"""


def _in_range(codepoint, unicode_range):
    for part in unicode_range.replace("u+", "U+").split(","):
        bounds = part.strip().removeprefix("U+").split("-")
        if int(bounds[0], 16) <= codepoint <= int(bounds[-1], 16):
            return True
    return False


class _ServedFonts:
    """The cmaps of the served WOFF2 files, fetched once each."""

    def __init__(self):
        self._cmaps = {}

    def has(self, url, codepoint):
        if url not in self._cmaps:
            with urllib.request.urlopen(url) as response:  # noqa: S310 -- the test site
                self._cmaps[url] = set(TTFont(io.BytesIO(response.read())).getBestCmap())
        return codepoint in self._cmaps[url]


SERVED_FONTS = _ServedFonts()


def _served_face(character, stack, weight, faces):
    """The served family that draws this character, as Chromium picks it: the first family of
    the stack whose faces of the nearest weight have a rule for the character whose file has its
    glyph. None if no served font has it: the character falls to the system's fonts."""
    codepoint = ord(character)
    for family in (name.strip().strip('"') for name in stack.split(",")):
        of_family = [face for face in faces if face["family"] == family]
        if not of_family:
            continue
        nearest = min({face["weight"] for face in of_family}, key=lambda w: abs(w - weight))
        for face in of_family:
            if (
                face["weight"] == nearest
                and _in_range(codepoint, face["range"])
                and SERVED_FONTS.has(face["url"], codepoint)
            ):
                return family
    return None


def _glyph_sources(page):
    """{character: (its text, the served family drawing it or None)} of what the page draws."""
    found = page.evaluate(RENDERED_TEXT)
    sources = {}
    for run in found["runs"]:
        for character in set(run["text"]) - set(sources):
            family = _served_face(character, run["family"], run["weight"], found["faces"])
            sources[character] = (run["text"][:40], family)
    return sources


# What drew the heading and paragraphs, per Chromium (CSS.getPlatformFontsForNode).
DRAWN = "main h1, main h1 *, main p, main p *, .language-switcher a"


def _drawing_fonts(page):
    """{(family name, served by the page): glyphs} of the fonts that drew what DRAWN selects."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    drawn = {}
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": DRAWN})["nodeIds"]:
        for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            key = (font["familyName"], font["isCustomFont"])
            drawn[key] = drawn.get(key, 0) + font["glyphCount"]
    return drawn


GLYPH_PAGES = ["home", "measure", "measure-list", "glossary", "search-hits", "not-found"]
ALL_LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def open_without_system_fonts(fontless_browser, site_url, note_visit):
    contexts = []

    def open_(path):
        context = fontless_browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto(site_url + path)
        page.evaluate("document.fonts.ready.then(() => true)")
        note_visit(path, 1280)
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.a11y_check(
    "fonts-every-language",
    criteria=["1.4.8"],
)
@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_each_language_is_drawn_by_a_font_with_its_glyphs(open_without_system_fonts, language):
    missing, sliced, drawn = {}, {}, {}
    for name in GLYPH_PAGES:
        page = open_without_system_fonts(url(language, PAGES[name]))
        for character, (text, family) in _glyph_sources(page).items():
            if family is None:
                missing[character] = (name, text)
            elif family.endswith(" Fallback") and name != "search-hits":
                sliced[character] = (name, text, family)  # a published page's own cuts lack it
        for key, glyphs in _drawing_fonts(page).items():
            drawn[key] = drawn.get(key, 0) + glyphs

    assert missing == {}
    assert sliced == {}
    assert sum(drawn.values()) > 100, drawn
    assert {custom for _family, custom in drawn} == {True}, drawn  # no system font drew any
