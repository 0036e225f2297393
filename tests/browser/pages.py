"""The public pages the browser tests visit, and helpers that run in the page."""

LANGUAGES = ["ja", "en"]
WIDTHS = [1280, 320]
PAGES = {
    "home": "/",
    "measure-list": "/measures/",
    "measure": "/measures/1/",
    "glossary": "/glossary/",
    "search-hits": "/search/?q=オープンデータ",
    "search-no-hits": "/search/?q=該当なしの言葉xyz",
    "not-found": "/measures/99/",
    "open-data": "/open-data/",
}
MEASURE = "/ja/measures/1/"
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
