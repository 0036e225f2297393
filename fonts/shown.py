"""What the site shows: the characters of a page, per weight, as a visitor gets it.

Pages are rendered in-process: a RequestFactory request for the page's public URL goes through
the site's middleware (language, reading aids, translation notice) to `page.serve()`, as
Wagtail's preview does. The views that are not pages (an empty search, the 404 page) go through
the same middleware and the URL resolver.
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.handlers.base import BaseHandler
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from fonts.faces import WEIGHT_VALUES, face_of


@dataclass(frozen=True)
class Shown:
    """The characters a page shows, per face (fonts.faces: by the text's language) and weight.

    The regular weight holds all the text, the bold weight what is bold.
    """

    characters: dict  # (face key, weight): frozenset of characters

    def get(self, face_key, weight):
        return self.characters.get((face_key, weight), frozenset())

    @classmethod
    def union(cls, shown):
        merged = {}
        for one in shown:
            for key, characters in one.characters.items():
                merged[key] = merged.get(key, frozenset()) | characters
        return cls(merged)


class _TextCollector(HTMLParser):
    """The text a page shows, with the labels read from attributes, its language, and what of
    it is bold."""

    SHOWN_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "value"}
    BOLD_ATTRIBUTES = {"data-label"}  # a stacked table's cell labels (td::before)
    HIDDEN_ELEMENTS = {"script", "style"}
    # Bold in assets/css/site.css (tests/fonts/test_shown.py keeps the two in step): bold text
    # missing here is drawn from the generic fallback slices.
    BOLD_ELEMENTS = {
        *("h1", "h2", "h3", "h4", "h5", "h6", "th", "dt", "caption", "legend", "strong", "label")
    }
    BOLD_CLASSES = {
        *("site-header__name", "evaluation", "slogan", "result-count", "sdg-list__number"),
        *("progress-chart__caption", "at-a-glance__summary", "form-field__error", "notice--error"),
        # The popover of a glossary link (assets/js/glossary-popover.js) shows its text in bold.
        *("glossary-link", "glossary-popover__term"),
    }
    VOID_ELEMENTS = {"br", "hr", "img", "input", "link", "meta", "source", "wbr", "col", "area"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.bold_parts, self._open = [], [], []  # parts: (language, text)

    def _is_bold(self, tag, attrs):
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        return (
            tag in self.BOLD_ELEMENTS
            or bool(classes & self.BOLD_CLASSES)
            or "aria-current" in attributes
            or attributes.get("aria-pressed") == "true"
        )

    def _language(self):
        return self._open[-1][2] if self._open else settings.LANGUAGE_CODE

    def handle_starttag(self, tag, attrs):
        language = dict(attrs).get("lang") or self._language()
        self.parts.extend(
            (language, value)
            for key, value in attrs
            if key in self.SHOWN_ATTRIBUTES | self.BOLD_ATTRIBUTES and value
        )
        self.bold_parts.extend(
            (language, value) for key, value in attrs if key in self.BOLD_ATTRIBUTES and value
        )
        if tag not in self.VOID_ELEMENTS:
            self._open.append((tag, self._is_bold(tag, attrs), language))

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        if any(tag in self.HIDDEN_ELEMENTS for tag, _bold, _language in self._open):
            return
        part = (self._language(), data)
        self.parts.append(part)
        if any(bold for _tag, bold, _language in self._open):
            self.bold_parts.append(part)


def _characters(text):
    # Control whitespace has no glyph; U+3000, the ideographic space of Japanese text, has one
    # (a full-width blank), and without it the browser draws it from another font.
    return frozenset(c for c in text if not c.isspace() or c == "\u3000")


def _by_face(parts, weight):
    texts = {}
    for language, text in parts:
        key = (face_of(language).key, weight)
        texts[key] = texts.get(key, "") + text
    return {key: _characters(text) for key, text in texts.items()}


def shown_characters(html):
    collector = _TextCollector()
    collector.feed(html)
    return Shown(_by_face(collector.parts, 400) | _by_face(collector.bold_parts, 700))


# Rendering


class _SiteHandler(BaseHandler):
    """The site's middleware around one view (None: the URL resolver), as for a visitor."""

    def __init__(self, view=None):
        super().__init__()
        self.view = view
        self.load_middleware()

    def _get_response(self, request):
        if self.view is None:
            return super()._get_response(request)
        response = self.view(request)
        return response.render() if callable(getattr(response, "render", None)) else response


def _visitor_request(url):
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    request = RequestFactory(HTTP_HOST=base.netloc).get(url, secure=base.scheme == "https")
    request.user = AnonymousUser()
    return request


def _html(request, view=None):
    with translation.override(settings.LANGUAGE_CODE):  # the middleware switches it: restore it
        response = _SiteHandler(view).get_response(request)
    return response.content.decode() if response.status_code in (200, 404) else ""


def page_html(page):
    """The public HTML of a live page, through page.serve()."""
    url = page.get_url()
    return _html(_visitor_request(url), page.serve) if url else ""


def live_pages():
    """The specific live, public pages, in every language."""
    pages = Page.objects.live().public().filter(depth__gt=1)
    return [page for page in pages.specific() if page.get_url()]


def _chrome_urls(language):
    """Views that are not pages but show the UI strings: an empty search, a missing page."""
    return [f"/{language}/search/?q=", f"/{language}/fonts-probe-not-found/"]


@contextmanager
def _quiet_not_found():
    """The missing page is rendered on purpose: no "Not Found" warning for it."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


# Text the stylesheet draws itself (the evaluations' ○ △ ×, list separators): in no page's HTML.
STYLESHEET = settings.BASE_DIR / "assets" / "css" / "site.css"
GENERATED_CONTENT = re.compile(r'content:\s*"([^"]+)"')


def stylesheet_characters(language):
    """The characters of the stylesheet's generated content, in both weights, as drawn in text
    of this language."""
    drawn = _characters("".join(GENERATED_CONTENT.findall(STYLESHEET.read_text(encoding="utf-8"))))
    return Shown({(face_of(language).key, weight): drawn for weight in WEIGHT_VALUES})


def chrome_characters():
    """{language code: what the interface shows around its pages, and what the stylesheet draws}."""
    chrome = {}
    with _quiet_not_found():
        for language, _name in settings.LANGUAGES:
            pages = [shown_characters(_html(_visitor_request(u))) for u in _chrome_urls(language)]
            chrome[language] = Shown.union([*pages, stylesheet_characters(language)])
    return chrome
