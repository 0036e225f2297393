"""The language switcher: the page the reader is on, in every language it exists in."""

from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils.translation import get_language, override
from wagtail.models import Page, Site

from page_cache.tree import memoised


def _page_urls(page, request):
    """{language: URL} of the page's live translations, worked out once per state of the page
    tree (page_cache.tree): the header's switcher and the head's alternate links both ask. A
    page not saved yet (previewed as it is made) has no memo."""

    def find():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {p.locale.language_code: p.get_url(request) for p in translations}

    if page.pk is None:
        return find()
    site = Site.find_for_request(request)
    return memoised(f"translations:{page.pk}:{site.pk if site else ''}", find)


def _home_url(code):
    with override(code):
        return reverse("wagtail_serve", args=[""])


def _view_urls(request):
    """Views outside the page tree (search, open data files) exist in every language; a page
    that was not found has no counterpart, so its links lead to each language's home page."""
    path = request.get_full_path()
    try:
        resolve(request.path_info)
    except Resolver404:
        return {code: _home_url(code) for code, _name in settings.LANGUAGES}
    return {code: translate_url(path, code) for code, _name in settings.LANGUAGES}


def language_links(request, page=None):
    """[{code, name, url, current}] for each language the page exists in, in settings order;
    names are each language's own (日本語, English, …)."""
    urls = _page_urls(page, request) if isinstance(page, Page) else _view_urls(request)
    current = get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": request.build_absolute_uri(urls[code]),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
        if urls.get(code)
    ]
