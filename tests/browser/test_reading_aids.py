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
    "text-size-toggles",
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
    "colour-scheme-toggles",
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
    # Without JavaScript the choice went through the server, which sent the page back to the
    # pressed button: the panel is open again.
    assert page.evaluate("document.querySelector('details.reading-aids').open")
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


@pytest.mark.a11y_check("furigana-toggle", criteria=["3.1.5"])
@pytest.mark.a11y_check(
    "furigana-focus-return",
    criteria=["2.4.3", "3.2.2"],
)
@pytest.mark.parametrize("javascript", [True, False])
def test_furigana_toggle(open_page, javascript):
    page = open_page(MEASURE, java_script_enabled=javascript)
    situation = "section[aria-labelledby='situation-heading'] ruby"
    toggle = ".reading-aids button[name='furigana']"
    before = page.locator(situation).count()
    page.click("summary")
    page.click(toggle)
    page.wait_for_load_state()
    on = page.locator(situation).count()
    state_on = page.get_attribute(toggle, "aria-pressed")
    returned_to = page.evaluate("location.hash")
    panel_open = page.evaluate("document.querySelector('details.reading-aids').open")
    focused = page.evaluate("document.activeElement.id")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # the toggle has the focus: press it again

    assert before == 0
    assert on > 0
    assert state_on == "true"
    assert returned_to == "#reading-aid-furigana"
    assert panel_open and focused == "reading-aid-furigana"
    assert page.locator(situation).count() == 0


# The device's voices, as a browser reports them: the test decides which voices exist and whether
# speaking works, as different devices do.
VOICES = """
(() => {{
  const voices = {voices};
  Object.defineProperty(window.speechSynthesis, "getVoices", {{ value: () => voices }});
  Object.defineProperty(window.speechSynthesis, "speak", {{ value: (utterance) => {{
    if ({fails}) {{ setTimeout(() => utterance.onerror({{ error: "synthesis-failed" }}), 10); }}
  }} }});
}})();
"""


def voices(*languages, fails=False):
    listed = ", ".join(f'{{lang: "{language}", name: "{language}"}}' for language in languages)
    return VOICES.format(voices=f"[{listed}]", fails="true" if fails else "false")


@pytest.mark.a11y_check(
    "read-aloud",
    criteria=["4.1.2", "4.1.3"],
)
def test_read_aloud_only_where_a_voice_speaks_the_language(open_page):
    page = open_page(MEASURE, init_script=voices("ja-JP"))
    page.click("summary")
    page.locator(".read-aloud").click()
    speaking = page.get_attribute(".read-aloud", "aria-pressed")

    english_only = open_page(MEASURE, init_script=voices("en-US"))
    english_only.click("summary")
    none = open_page(MEASURE, init_script="delete window.speechSynthesis;")
    none.click("summary")

    failing = open_page(MEASURE, init_script=voices("ja-JP", fails=True))
    failing.click("summary")
    failing.locator(".read-aloud").click()
    failing.wait_for_function("document.querySelector('.read-aloud__status').textContent !== ''")

    assert speaking == "true"
    assert not english_only.locator(".read-aloud").is_visible()
    assert not none.locator(".read-aloud").is_visible()
    assert "読み上げができませんでした" in failing.text_content(".read-aloud__status")
    assert failing.get_attribute(".read-aloud", "aria-pressed") == "false"
