"""Keyboard use: skip link first, every control reachable with a visible, unobscured focus ring,
targets big enough, and a measure page walked with the keyboard through a glossary popover."""

import pytest

from tests.browser.pages import (
    IS_INLINE_IN_TEXT,
    LANGUAGES,
    MEASURE,
    OPEN_READING_AIDS,
    PAGES,
    VISIBLE_CONTROLS,
    WIDTHS,
    url,
)

# Measured once smooth scrolling has brought the focused control into view.
# Read after the next frame is drawn. The walk runs with reduced motion: the focused control is
# then scrolled into view at once rather than by a smooth scroll, whose end the state would have
# to wait for (and, on a loaded machine, could mistake a stalled animation for).
FOCUS_STATE = """
async () => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getClientRects()[0] || el.getBoundingClientRect();  // a wrapped link: line 1
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + Math.min(box.height, 24) / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return {
    tag: el.tagName, text: (el.textContent || el.value || "").trim().slice(0, 40),
    outline: style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0,
    shadow: style.boxShadow !== "none",
    inView: box.bottom > 0 && box.top < innerHeight && box.width > 0,
    covered: !(hit && (hit === el || el.contains(hit) || hit.contains(el))),
  };
}
"""


@pytest.mark.a11y_check("skip-link", criteria=["2.4.1"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_skip_link_comes_first(open_page, name, language):
    page = open_page(url(language, PAGES[name]))
    page.keyboard.press("Tab")
    first = page.evaluate(
        "() => ({cls: document.activeElement.className,"
        " href: document.activeElement.getAttribute('href'),"
        " visible: document.activeElement.getBoundingClientRect().top >= 0})"
    )
    page.keyboard.press("Enter")

    assert first == {"cls": "skip-link", "href": "#main", "visible": True}
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.a11y_check(
    "focus-visible",
    criteria=["2.1.1", "2.4.3", "2.4.7", "2.4.11"],
)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["home", "measure", "measure-list", "search-hits"])
def test_focus_is_visible_and_never_hidden(open_page, name, width):
    page = open_page(url("ja", PAGES[name]), width=width, reduced_motion="reduce")
    page.evaluate(OPEN_READING_AIDS)  # their controls too
    controls = page.evaluate(f"({VISIBLE_CONTROLS})().length")
    problems, reached = [], 0
    for _ in range(controls + 5):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state["tag"] == "BODY":
            break
        reached += 1
        if state["outline"] < 2 or not state["inView"] or state["covered"]:
            problems.append(state)

    assert problems == []
    assert reached >= controls


@pytest.mark.a11y_check("target-size", criteria=["2.5.8"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    "name", ["home", "measure", "measure-list", "glossary", "search-hits", "open-data"]
)
def test_targets_are_at_least_24px(open_page, name, width):
    page = open_page(url("ja", PAGES[name]), width=width)
    page.evaluate(OPEN_READING_AIDS)
    small = page.evaluate(
        f"""() => ({VISIBLE_CONTROLS})()
          .filter((el) => !({IS_INLINE_IN_TEXT})(el))
          .map((el) => [el.tagName, (el.textContent || el.name).trim().slice(0, 30),
                        el.getBoundingClientRect().width, el.getBoundingClientRect().height])
          .filter(([, , w, h]) => w < 24 || h < 24)"""
    )
    assert small == []


@pytest.mark.a11y_check(
    "keyboard-glossary-popover",
    criteria=["2.1.1", "2.1.2", "2.4.3", "1.4.13", "4.1.2"],
)
def test_keyboard_walk_through_glossary_popover(open_page):
    page = open_page(MEASURE)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # skip link: focus to main
    link = None
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('glossary-link')"):
            link = page.evaluate("document.activeElement.dataset.term")
            break
    assert link, "no glossary link reached by Tab"
    focused = page.locator("a.glossary-link:focus")
    assert focused.get_attribute("aria-expanded") == "false"

    page.keyboard.press("Enter")
    popover = page.locator(f"#{focused.get_attribute('aria-controls')}")
    assert focused.get_attribute("aria-expanded") == "true"
    assert popover.is_visible()
    assert popover.inner_text().strip()
    page.keyboard.press("Tab")  # into the popover: 用語集で見る, then 閉じる
    assert page.evaluate("document.activeElement.closest('.glossary-popover') !== null")

    page.keyboard.press("Escape")
    assert not popover.is_visible()
    assert page.evaluate("document.activeElement.dataset.term") == link
    assert focused.get_attribute("aria-expanded") == "false"

    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "glossary-popover__close"
    page.keyboard.press("Enter")
    assert not popover.is_visible()
    assert page.evaluate("document.activeElement.dataset.term") == link

    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.term") != link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.term") == link


@pytest.mark.a11y_check("glossary-link-without-javascript", criteria=["4.1.2"])
def test_glossary_link_without_javascript_goes_to_the_entry(open_page):
    page = open_page(MEASURE, java_script_enabled=False)
    link = page.locator("a.glossary-link").first
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_load_state()

    assert page.url.split("#")[0].endswith("/ja/glossary/")
    assert page.locator(f"[id='{anchor}']").is_visible()
