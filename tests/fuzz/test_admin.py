"""Hostile input in every admin search box and filter (tests/fuzz/hostile.py): no 5xx.

Which controls is read from the admin, so that a new one is not forgotten: every admin URL that
takes no argument, and those under a page and a reporting round, as an administrator; every
control of each GET form on it (search boxes and filters), sent to the form's target and to the
results URL its search box refreshes from.
"""

import json
from datetime import date
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.urls import get_resolver, resolve, reverse
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from reporting.services import open_round
from tests.fuzz.hostile import (
    HOSTILE,
    HOSTILE_CHOICES,
    assert_no_server_error,
    named_patterns,
    with_parameter,
)
from tests.measures.workflow_steps import login

pytestmark = [pytest.mark.django_db, pytest.mark.long_running(seconds=262)]

# Input types whose text goes to the server as typed (search boxes).
TYPED = {"text", "search"}
CONTROLS = "input[name]:not([name='']), select[name]:not([name=''])"
# Admin URLs not visited: the end of the session, and Wagtail's page that fails on purpose (to
# try the error pages).
ADMIN_URLS_NOT_VISITED = {"wagtailadmin_logout", "wagtailadmin_error_test"}


def admin_urls(values):
    for name, arguments, route in named_patterns(get_resolver().url_patterns):
        visited = route.startswith("admin/") and name not in ADMIN_URLS_NOT_VISITED
        if visited and arguments <= values.keys():
            yield reverse(name, kwargs={a: values[a] for a in arguments})


def _page_html(response):
    if response.get("Content-Type", "").startswith("application/json"):
        body = json.loads(response.content)  # a chooser's modal holds its page in "html"
        return (body.get("html") if isinstance(body, dict) else None) or ""
    return response.content.decode(errors="replace")


def is_typed(control):
    """Whether a person types the control's value (a text or search box; an input without a type
    is a text box), rather than choosing it (a select, a checkbox, a radio button)."""
    return control.name == "input" and control.get("type", "text").lower() in TYPED


def get_forms(url, html):
    """(URL, {(control name, whether text is typed into it)}) for every GET form in html: its
    target, the results URL its search box refreshes from, and the page itself when the form lists
    the page's own items (the address a search leaves in the browser, which a reload requests)."""
    for form in BeautifulSoup(html, "html.parser").select("form"):
        if form.get("method", "get").lower() != "get":
            continue
        names = {(control["name"], is_typed(control)) for control in form.select(CONTROLS)}
        targets = {form.get("action", "").rstrip("?") or url, form.get("data-w-swap-src-value")}
        if any(target and target.startswith(url) for target in targets):
            targets.add(url)
        for target in targets - {None, ""}:
            if names:
                yield target, names


def test_a_select_is_chosen_and_a_box_without_a_type_is_typed():
    html = """<form method="get"><input name="q"><input type="search" name="s">
      <select name="locale"><option>ja</option></select><input type="checkbox" name="live">
      <input type="date" name="day"></form>"""

    assert list(get_forms("/admin/x/", html)) == [
        (
            "/admin/x/",
            {("q", True), ("s", True), ("locale", False), ("live", False), ("day", False)},
        )
    ]


def listing_of(url):
    """The listing url shows, by its URL name: the explorer at the root, at a page and its results
    URL are one listing, as a snippet's listing and its results URL are."""
    name = resolve(urlsplit(url).path).view_name
    return name.removesuffix("_results").removesuffix("_root")


def fuzzing_order(url):
    """A view's listing before its results URL, a page's listing before the root's."""
    return url.endswith("/results/"), -url.count("/"), url


def admin_search_boxes(client, values):
    """(URL, control name, typed) of every search box and filter the admin shows, each control of
    a listing once: the same listing with the same control runs the same code whatever page or
    results URL it is reached at."""
    found = set()
    for url in admin_urls(values):
        response = client.get(url)
        if response.status_code == 200:
            for target, names in get_forms(url, _page_html(response)):
                found |= {(target, *name) for name in names if "csrf" not in name[0]}
    chosen = {}
    for url, *control in sorted(found, key=lambda box: fuzzing_order(box[0])):
        chosen.setdefault((listing_of(url), *control), (url, *control))
    return sorted(chosen.values())


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
        values = HOSTILE if typed else {name: HOSTILE[name] for name in HOSTILE_CHOICES}
        for name, value in values.items():
            response = client.get(with_parameter(url, parameter, value))
            if response.status_code >= 500:
                error = response.exc_info[1] if response.exc_info else response.status_code
                failures.append(f"{url}?{parameter}={name}: {error!r}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", ["double-quote", "nul", "lone-surrogate", "long-ascii"])
def test_admin_search_boxes_for_a_department_editor(client, name):
    login(client, "editor-nosei")
    assert_no_server_error(client, reverse("wagtailadmin_pages:search"), "q", HOSTILE[name])
