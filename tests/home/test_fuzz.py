"""Hostile input in every query parameter of the public site and every admin search box: no 5xx.

Values that break naive handling: quotes and the full-text search operators (SQLite FTS5),
SQL, 10 kB strings, a NUL and a lone surrogate (sent percent-encoded, as a browser would),
emoji with joiners.

Which URLs and parameters is read from the site, so that a new one is not forgotten:
- public: every URL of cms/urls.py (its arguments filled from the seed) and a live page of each
  page type, in Japanese and English, each requested while every query parameter the code looks
  up (request.GET) is recorded, then requested again with those parameters set until no new one
  turns up; each parameter found then gets every hostile value;
- admin: every admin URL that takes no argument, and those under a page and a reporting round,
  as an administrator: every control of each GET form on it (search boxes and filters), sent to
  the form's target and to the results URL its search box refreshes from.
"""

import json
from contextlib import contextmanager
from datetime import date
from urllib.parse import quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.handlers.wsgi import WSGIRequest, get_str_from_wsgi
from django.http import QueryDict
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from django.utils.functional import cached_property
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from measures.models import MeasurePage
from reporting.services import open_round
from tests.measures.workflow_steps import login

pytestmark = pytest.mark.django_db

# name → the value as it goes into the query string (already percent-encoded)
HOSTILE = {
    "double-quote": quote('"'),
    "unbalanced-quote": quote('"スマート農業'),
    "single-quote": quote("'"),
    "and": quote("AND"),
    "star": quote("*"),
    "near": quote("NEAR("),
    "column-filter": quote("title:農業 OR -"),
    "sql": quote("' OR 1=1--"),
    "long-ascii": "a" * 10_240,
    "long-japanese": quote("農業" * 1_800),
    "nul": "%00",
    "lone-surrogate": "%ED%A0%80",
    "bad-utf8": "%FF%FE",
    "emoji": quote("👨‍👩‍👧🏯"),
    "negative-number": "-1",
    "huge-number": "9" * 40,
}

# What a filter that is chosen, not typed (a select, a date, a checkbox), gets: the full-text
# operators and quotes matter only where text is searched.
HOSTILE_CHOICES = ["single-quote", "long-ascii", "nul", "bad-utf8", "lone-surrogate"]
HOSTILE_CHOICES += ["negative-number", "huge-number"]
# Input types whose text goes to the server as typed (search boxes).
TYPED = {"text", "search"}

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
# Admin URLs not visited: the end of the session, and Wagtail's page that fails on purpose (to
# try the error pages).
ADMIN_URLS_NOT_VISITED = {"wagtailadmin_logout", "wagtailadmin_error_test"}


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


def _named_patterns(patterns, namespace="", prefix=""):
    """(name with namespaces, converters' names, route prefix) of every named URL pattern."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_patterns(pattern.url_patterns, inner, route)
        elif isinstance(pattern, URLPattern) and pattern.name:
            arguments = set(getattr(pattern.pattern, "converters", {})) | set(
                pattern.pattern.regex.groupindex
            )
            if pattern.pattern.regex.groups and not pattern.pattern.regex.groupindex:
                arguments.add("*")  # unnamed groups: nothing to fill them with
            yield f"{namespace}{pattern.name}", arguments, route


def public_urls():
    measure = MeasurePage.objects.live().filter(locale__language_code="ja").order_by("number")[0]
    values = {"number": measure.number, "pk": measure.pk}
    urls = set()
    for name, arguments, route in _named_patterns(get_resolver().url_patterns):
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


def assert_no_server_error(client, url, parameter, value):
    separator = "&" if urlsplit(url).query else "?"
    response = client.get(f"{url}{separator}{parameter}={value}")
    assert response.status_code < 500, (url, parameter, response.status_code)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_public_query_parameters(client, monkeypatch, name):
    for url, parameter in public_parameters(client, monkeypatch):
        assert_no_server_error(client, url, parameter, HOSTILE[name])


def admin_urls(values):
    for name, arguments, route in _named_patterns(get_resolver().url_patterns):
        visited = route.startswith("admin/") and name not in ADMIN_URLS_NOT_VISITED
        if visited and arguments <= values.keys():
            yield reverse(name, kwargs={a: values[a] for a in arguments})


def _page_html(response):
    if response.get("Content-Type", "").startswith("application/json"):
        body = json.loads(response.content)  # a chooser's modal holds its page in "html"
        return (body.get("html") if isinstance(body, dict) else None) or ""
    return response.content.decode(errors="replace")


def get_forms(url, html):
    """(URL, {(control name, whether text is typed into it)}) for every GET form in html: its
    target, the results URL its search box refreshes from, and the page itself when the form lists
    the page's own items (the address a search leaves in the browser, which a reload requests)."""
    for form in BeautifulSoup(html, "html.parser").select("form"):
        if form.get("method", "get").lower() != "get":
            continue
        names = {
            (control["name"], control.get("type", "text").lower() in TYPED)
            for control in form.select("input[name], select[name]")
            if control["name"]
        }
        targets = {form.get("action", "").rstrip("?") or url, form.get("data-w-swap-src-value")}
        if any(target and target.startswith(url) for target in targets):
            targets.add(url)
        for target in targets - {None, ""}:
            if names:
                yield target, names


def admin_search_boxes(client, values):
    found = set()
    for url in admin_urls(values):
        response = client.get(url)
        if response.status_code == 200:
            for target, names in get_forms(url, _page_html(response)):
                found |= {(target, *name) for name in names if "csrf" not in name[0]}
    # A listing's results URL runs the same view as the listing: one of them is enough.
    return sorted(
        (url, *control)
        for url, *control in found
        if not (url.endswith("/results/") and (url.removesuffix("results/"), *control) in found)
    )


def expected_admin_listings(values):
    expected = [
        reverse("wagtailadmin_pages:search"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailadmin_explore", args=[values["parent_page_id"]]),
        reverse("staff_audit:index"),
        reverse("reporting_round", args=[values["round_id"]]),
    ]
    # Every snippet's listing (each has a search box or filters), and a chooser's search.
    expected += [reverse(m.snippet_viewset.get_url_name("list")) for m in get_snippet_models()]
    expected.append(reverse("wagtailsnippetchoosers_measures_department:choose"))
    return expected


def test_admin_search_boxes_and_filters(client):
    """One test: the reporting round the dashboard needs is opened in its transaction."""
    login(client, "admin")
    home = Page.objects.get(depth=2, locale__language_code="ja")
    round_ = open_round(date.today().year + 1, date.today()).round
    values = {"parent_page_id": home.pk, "round_id": round_.pk}
    boxes = admin_search_boxes(client, values)
    missing = set(expected_admin_listings(values)) - {url for url, _, _ in boxes}
    assert not missing, sorted(missing)
    client.raise_request_exception = False  # every failure listed, not only the first
    failures = []
    for url, parameter, typed in boxes:
        separator = "&" if urlsplit(url).query else "?"
        values = HOSTILE if typed else {name: HOSTILE[name] for name in HOSTILE_CHOICES}
        for name, value in values.items():
            response = client.get(f"{url}{separator}{parameter}={value}")
            if response.status_code >= 500:
                error = response.exc_info[1] if response.exc_info else response.status_code
                failures.append(f"{url}?{parameter}={name}: {error!r}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", ["double-quote", "nul", "lone-surrogate", "long-ascii"])
def test_admin_search_boxes_for_a_department_editor(client, name):
    login(client, "editor-nosei")
    assert_no_server_error(client, reverse("wagtailadmin_pages:search"), "q", HOSTILE[name])
