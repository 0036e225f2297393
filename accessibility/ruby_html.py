"""ふりがな over a whole rendered part of a page: every Japanese text in it gets its readings.

The toggle promises readings on every Japanese text a page shows — lists, tables, the change
history, search results, the open-data and accessibility pages, and the Japanese that stands in
for a missing translation on another language's page — not only on the fields a template
remembered to pass through ruby_html. So the rendered HTML of the main content is read once and
each text node in Japanese (by the nearest lang attribute, else the page's language) is given its
readings; text already in <ruby>, code, scripts, styles and form controls is left as it is. The
result is cached by the HTML and the reading dictionary's version.
"""

import hashlib
from html import escape
from html.parser import HTMLParser

from django.core.cache import cache
from django.utils.safestring import mark_safe

from accessibility.furigana import CACHE_SECONDS, annotate, render
from accessibility.kana import has_kanji

# Text inside these is not read aloud as running Japanese, or is readings already.
LEFT_ALONE = {
    "ruby", "rt", "rp", "script", "style", "code", "pre", "kbd", "samp", "textarea", "select",
    "option", "title", "svg", "math", "template",
}  # fmt: skip
RAW_TEXT = {"script", "style"}
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


class _Annotator(HTMLParser):
    def __init__(self, page_language, dictionary):
        super().__init__(convert_charrefs=True)
        self.dictionary = dictionary
        self.stack = [("", page_language)]  # (tag, language in force)
        self.parts = []

    def _language(self):
        return self.stack[-1][1]

    def _left_alone(self):
        return any(tag in LEFT_ALONE for tag, _language in self.stack)

    def handle_starttag(self, tag, attrs):
        self.parts.append(self.get_starttag_text())
        if tag not in VOID:
            language = dict(attrs).get("lang") or self._language()
            self.stack.append((tag, language.lower()))

    def handle_startendtag(self, tag, attrs):
        self.parts.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.parts.append(f"</{tag}>")
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self.stack[-1][0] in RAW_TEXT:
            self.parts.append(data)
        elif self._left_alone() or not self._language().startswith("ja") or not has_kanji(data):
            self.parts.append(escape(data, quote=False))
        else:
            self.parts.append(str(render(annotate(data, self.dictionary))))

    def handle_comment(self, data):
        self.parts.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.parts.append(f"<!{decl}>")


def annotate_html(html, page_language):
    """html (safe, rendered) with <ruby> readings over its Japanese text."""
    from accessibility.models import ReadingEntry

    html = str(html)
    key = hashlib.sha256(f"{ReadingEntry.version()}\0{page_language}\0{html}".encode())
    cache_key = "furigana-html:" + key.hexdigest()
    annotated = cache.get(cache_key)
    if annotated is None:
        dictionary = dict(ReadingEntry.objects.values_list("surface", "reading"))
        annotator = _Annotator(page_language, dictionary)
        annotator.feed(html)
        annotator.close()
        annotated = "".join(annotator.parts)
        cache.set(cache_key, annotated, CACHE_SECONDS)
    return mark_safe(annotated)  # noqa: S308 — tags copied as parsed, every text escaped
