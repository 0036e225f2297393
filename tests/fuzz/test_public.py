"""Hostile input in every query parameter of the public site (tests/fuzz/hostile.py): no 5xx.

Which parameters is read from the site, so that a new one is not forgotten: every URL of
cms/urls.py (its arguments filled from the seed) and a live page of each page type, in Japanese
and English, each requested while every query parameter the code looks up (request.GET) is
recorded, then requested again with those parameters set until no new one turns up; each
parameter found then gets every hostile value.
"""

from contextlib import contextmanager
from urllib.parse import quote

import pytest
from django.core.handlers.wsgi import WSGIRequest, get_str_from_wsgi
from django.http import QueryDict
from django.urls import get_resolver, reverse
from django.utils import translation
from django.utils.functional import cached_property
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from home.models import HomePage
from measures.models import MeasurePage
from plan_report import document
from tests.fuzz.hostile import HOSTILE, assert_no_server_error, named_patterns

pytestmark = pytest.mark.django_db

LANGUAGES = ["ja", "en"]
# Routes whose arguments the seed has nothing for; none of them reads a query parameter.
UNFILLED_ROUTES = {
    "wagtaildocs_serve": "a document's download (the seed has no documents)",
    "wagtaildocs_authenticate_with_password": "a private document's password form",
    "wagtailcore_authenticate_with_password": "a private page's password form",
    "wagtail_serve": "the page tree: one page of each type is requested instead",
}
# Probing values that lead the code on to the parameters it reads next (results to page through).
PROBE_VALUES = {"q": "農業", "search": "農業"}


@pytest.fixture(autouse=True)
def reports_built_before(settings, tmp_path):
    """The 実施計画調書 PDFs stored as a first visitor's request leaves them, so that
    /{lang}/report.pdf serves the stored file: its view reads no query parameter, and making the
    PDF (WeasyPrint, some fifteen seconds a language) is tested in tests/plan_report."""
    settings.MEDIA_ROOT = tmp_path
    for language in LANGUAGES:
        year = HomePage.objects.get(locale__language_code=language).report_fiscal_year
        content_date = document.current_content_date(language)
        document.store(year, language, b"%PDF-1.7\n%%EOF\n", content_date)


class RecordingQueryDict(QueryDict):
    """request.GET, noting every parameter the code looks up."""

    looked_up = None  # a set while recording

    def _note(self, key):
        if RecordingQueryDict.looked_up is not None:
            RecordingQueryDict.looked_up.add(key)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def getlist(self, key, default=None):
        self._note(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)


def _recording_get(request):
    return RecordingQueryDict(
        get_str_from_wsgi(request.environ, "QUERY_STRING", ""), encoding=request._encoding
    )


@contextmanager
def recording_query_lookups(monkeypatch):
    recording = cached_property(_recording_get)
    recording.__set_name__(WSGIRequest, "GET")
    monkeypatch.setattr(WSGIRequest, "GET", recording)
    RecordingQueryDict.looked_up = set()
    try:
        yield RecordingQueryDict.looked_up
    finally:
        RecordingQueryDict.looked_up = None


def public_urls():
    measure = MeasurePage.objects.live().filter(locale__language_code="ja").order_by("number")[0]
    values = {"number": measure.number, "pk": measure.pk}
    urls = set()
    for name, arguments, route in named_patterns(get_resolver().url_patterns):
        if route.startswith("admin/") or name in UNFILLED_ROUTES:
            continue
        assert arguments <= values.keys(), f"fill {arguments} of {name} in public_urls()"
        for language in LANGUAGES:
            with translation.override(language):
                urls.add(reverse(name, kwargs={a: values[a] for a in arguments}))
    live = Page.objects.live().filter(depth__gt=1, locale__language_code__in=LANGUAGES)
    kinds = live.values_list("content_type", "locale__language_code").distinct()
    for content_type, language in kinds:
        page = live.filter(content_type=content_type, locale__language_code=language).first()
        urls.add(page.specific.url)
    return sorted(urls)


def _looked_up(client, monkeypatch, url, probe):
    query = "&".join(f"{name}={quote(value)}" for name, value in probe.items())
    with recording_query_lookups(monkeypatch) as looked_up:
        response = client.get(f"{url}?{query}" if query else url)
    assert response.status_code < 500, (url, probe, response.status_code)
    return set(looked_up)


def api_field_filters():
    """Wagtail's API filters pages by any of its fields named in the query, found by going through
    every parameter given (request.GET.items()) rather than by looking one up."""
    fields = set(PagesAPIViewSet.get_available_fields(Page, db_fields_only=True)) - {"locale"}
    return {reverse("wagtailapi:pages:listing"): fields}


def discover_public_parameters(client, monkeypatch):
    """(url, parameter) for every query parameter each public URL reads."""
    found = []
    field_filters = api_field_filters()
    for url in public_urls():
        parameters = set()
        while True:
            probe = {name: PROBE_VALUES.get(name, "1") for name in sorted(parameters)}
            more = _looked_up(client, monkeypatch, url, probe) - parameters
            if not more:
                break
            parameters |= more
        parameters |= field_filters.get(url, set())
        found += [(url, parameter) for parameter in sorted(parameters)]
    return found


_public_parameters = []


def public_parameters(client, monkeypatch):
    """Found once per process: every test starts from the same seed."""
    if not _public_parameters:
        _public_parameters.extend(discover_public_parameters(client, monkeypatch))
    return _public_parameters


def test_every_public_parameter_the_code_reads_is_found(client, monkeypatch):
    found = set(public_parameters(client, monkeypatch))
    for expected in [
        ("/ja/measures/", "goal"),
        ("/ja/measures/", "category"),
        ("/ja/measures/", "department"),
        ("/ja/measures/", "evaluation"),
        ("/ja/measures/", "sdg"),
        ("/en/measures/", "goal"),
        ("/ja/search/", "q"),
        ("/ja/search/", "page"),
        ("/ja/search/", "dx"),
        ("/en/search/", "q"),
        ("/ja/", "year"),
        ("/ja/embed/progress/", "by"),
        ("/ja/feedback/measures/1/", "sent"),
        ("/api/v2/pages/", "search"),
        ("/api/v2/pages/", "order"),
        ("/api/v2/pages/", "fields"),
        ("/api/v2/pages/", "type"),
        ("/api/v2/pages/", "limit"),
        ("/api/v2/pages/", "title"),
    ]:
        assert expected in found


@pytest.mark.parametrize("name", list(HOSTILE))
def test_public_query_parameters(client, monkeypatch, name):
    for url, parameter in public_parameters(client, monkeypatch):
        assert_no_server_error(client, url, parameter, HOSTILE[name])
