"""The reading aids, toggled in the browser: text size, colour scheme, ふりがな and read aloud,
with JavaScript and without, kept in cookies across pages."""

import pytest

from tests.browser.pages import MEASURE

ROOT = """
() => ({
  classes: document.documentElement.className,
  rootSize: parseFloat(getComputedStyle(document.documentElement).fontSize),
  background: getComputedStyle(document.body).backgroundColor,
  colour: getComputedStyle(document.body).color,
})
"""


def pressed(page, name):
    button = page.locator(f".reading-aids button[name='{name}'][aria-pressed='true']")
    return button.text_content().strip()


@pytest.mark.a11y_check(
    "text size 標準/大/特大 as aria-pressed toggles, kept across pages, with or without JavaScript",
    criteria=["1.4.4", "4.1.2"],
)
@pytest.mark.parametrize("javascript", [True, False])
def test_text_size_buttons(open_page, javascript):
    page = open_page(MEASURE, java_script_enabled=javascript)
    page.click("summary")
    page.click(".reading-aids button[name='text_size'][value='large']")
    page.wait_for_load_state()
    large = page.evaluate(ROOT)
    page.goto(page.url.replace("/measures/1/", "/glossary/"))

    assert large["classes"] == "text-large"
    assert large["rootSize"] == 20
    assert pressed(page, "text_size") == "大"
    assert page.evaluate(ROOT)["rootSize"] == 20


@pytest.mark.a11y_check(
    "colour schemes 標準/黒地に黄/青地に白 as toggles; 標準 follows the system's dark mode",
    criteria=["1.4.3", "1.4.8", "4.1.2"],
)
@pytest.mark.parametrize("javascript", [True, False])
def test_colour_scheme_buttons(open_page, javascript):
    page = open_page(MEASURE, java_script_enabled=javascript, color_scheme="dark")
    dark = page.evaluate(ROOT)
    page.click("summary")
    page.click(".reading-aids button[name='color_scheme'][value='contrast']")
    page.wait_for_load_state()
    contrast = page.evaluate(ROOT)
    if not javascript:
        page.click("summary")
    page.click(".reading-aids button[name='color_scheme'][value='blue']")
    page.wait_for_load_state()
    blue = page.evaluate(ROOT)
    page.reload()

    assert dark["background"] == "rgb(18, 18, 18)"
    assert (contrast["background"], contrast["colour"]) == ("rgb(0, 0, 0)", "rgb(255, 255, 0)")
    assert (blue["background"], blue["colour"]) == ("rgb(0, 48, 122)", "rgb(255, 255, 255)")
    assert pressed(page, "color_scheme") == "青地に白"


def test_forced_colours_keep_the_chosen_button_distinct(open_page):
    page = open_page(MEASURE, forced_colors="active", cookies={"text_size": "large"})
    page.click("summary")
    widths = page.evaluate(
        """() => Array.from(document.querySelectorAll(".reading-aids button[name='text_size']"))
            .map((b) => [b.getAttribute("aria-pressed"), getComputedStyle(b).borderTopWidth])"""
    )

    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    assert dict(widths) == {"true": "4px", "false": "2px"}


@pytest.mark.a11y_check("ふりがな on and off, kept in a cookie", criteria=["3.1.5"])
def test_furigana_toggle(open_page):
    page = open_page(MEASURE)
    situation = "section[aria-labelledby='situation-heading'] ruby"
    before = page.locator(situation).count()
    page.click("summary")
    page.click(".reading-aids button[name='furigana']")
    page.wait_for_load_state()
    on = page.locator(situation).count()
    state_on = page.get_attribute(".reading-aids button[name='furigana']", "aria-pressed")
    page.click("summary")
    page.click(".reading-aids button[name='furigana']")
    page.wait_for_load_state()

    assert before == 0
    assert on > 0
    assert state_on == "true"
    assert page.locator(situation).count() == 0


@pytest.mark.a11y_check(
    "読み上げ is offered where the browser can speak, and hidden where it cannot",
    criteria=["4.1.2"],
)
def test_read_aloud_only_where_supported(open_page):
    page = open_page(MEASURE)
    page.click("summary")
    button = page.locator(".read-aloud")
    page.evaluate(
        """() => { window.pressedStates = [];
          new MutationObserver(() => window.pressedStates.push(
            document.querySelector('.read-aloud').getAttribute('aria-pressed')))
          .observe(document.querySelector('.read-aloud'), {attributes: true}); }"""
    )
    button.click()
    page.wait_for_function("window.pressedStates.length > 0")
    unsupported = open_page(MEASURE, init_script="delete window.speechSynthesis;")
    unsupported.click("summary")

    assert page.evaluate("window.pressedStates[0]") == "true"
    assert not unsupported.locator(".read-aloud").is_visible()
