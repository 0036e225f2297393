"""The site's frame on a phone: the header folds behind a menu button and leaves the screen to
the content; the menu opens and closes from the keyboard."""

import pytest

from tests.browser.pages import PAGES, url

PHONE = {"width": 390, "height": 844}


@pytest.mark.a11y_check(
    "phone-header",
    criteria=["1.4.10", "2.4.11"],
)
@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("name", ["home", "measure-list", "measure"])
def test_mobile_header_leaves_the_screen_to_the_content(open_page, name, language):
    page = open_page(url(language, PAGES[name]), **PHONE)
    header = page.locator("body > header")
    toggle = page.locator(".site-header__toggle")

    assert header.bounding_box()["height"] <= 0.25 * PHONE["height"]
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.locator(".site-nav").is_hidden()

    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator(".site-nav").is_visible()
    page.locator("#site-search-q").focus()
    page.keyboard.press("Escape")
    assert page.locator(".site-nav").is_hidden()
    assert page.evaluate("document.activeElement.className") == "site-header__toggle"


def test_wide_screens_show_the_whole_header(open_page):
    page = open_page(url("ja", PAGES["home"]), width=1280)
    assert page.locator(".site-nav").is_visible()
    assert page.locator(".site-header__toggle").is_hidden()
