"""The public pages the browser tests visit, and helpers that run in the page."""

from django.conf import settings

# Most checks look at Japanese and English; axe looks at every language of the site.
LANGUAGES = ["ja", "en"]
ALL_LANGUAGES = [code for code, _name in settings.LANGUAGES]
WIDTHS = [1280, 320]
# Page types (their labels on the 試験結果 page: accessibility/site_checks.py).
PAGES = {
    "home": "/",
    "measure-list": "/measures/",
    "measure": "/measures/1/",
    "glossary": "/glossary/",
    "search-hits": "/search/?q=オープンデータ",
    "search-no-hits": "/search/?q=該当なしの言葉xyz",
    "not-found": "/measures/99/",
    "open-data": "/open-data/",
    "accessibility": "/accessibility/",
    "accessibility-results": "/accessibility/results/",
}
MEASURE = "/ja/measures/1/"
OTHER_PAGE = "other"
OPEN_READING_AIDS = "document.querySelector('details.reading-aids').open = true"

# True for a link inside running text (WCAG 2.5.8's inline exception): its block has other text.
IS_INLINE_IN_TEXT = """
(element) => {
  if (element.tagName !== "A") return false;
  let block = element.parentElement;
  while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
  return block.textContent.replace(/\\s+/g, "") !== element.textContent.replace(/\\s+/g, "");
}
"""

CONTROLS = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    "[tabindex]:not([tabindex='-1'])"
)
VISIBLE_CONTROLS = f"""
() => Array.from(document.querySelectorAll("{CONTROLS}")).filter((el) => {{
  const box = el.getBoundingClientRect();
  // checkVisibility: the content of a closed <details> keeps its boxes but is not rendered.
  return box.width > 0 && box.height > 0 && el.checkVisibility({{visibilityProperty: true}});
}})
"""


def url(language, path):
    return f"/{language}{path}"


def page_type(path):
    """The PAGES name of a path visited in any language ("/en/measures/1/" → "measure")."""
    for name, page_path in PAGES.items():
        if any(path == url(language, page_path) for language in ALL_LANGUAGES):
            return name
    return OTHER_PAGE
