"""Hostile input in every query parameter of the public site and every admin search box: no 5xx.

Values that break naive handling: quotes and the full-text search operators (SQLite FTS5),
SQL, 10 kB strings, a NUL and a lone surrogate (sent percent-encoded, as a browser would),
emoji with joiners.
"""

from urllib.parse import quote

import pytest
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

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

PUBLIC = [
    ("/ja/measures/", "goal"),
    ("/ja/measures/", "category"),
    ("/ja/measures/", "department"),
    ("/ja/measures/", "evaluation"),
    ("/en/measures/", "goal"),
    ("/en/measures/", "department"),
    ("/ja/search/", "q"),
    ("/ja/search/", "page"),
    ("/en/search/", "q"),
    ("/ja/open-data/plan.json", "locale"),
    ("/ja/open-data/plan.csv", "locale"),
    ("/en/open-data/plan.json", "locale"),
    ("/ja/glossary/", "q"),
    ("/en/glossary/", "q"),
    ("/api/v2/pages/", "search"),
    ("/api/v2/pages/", "order"),
    ("/api/v2/pages/", "fields"),
    ("/api/v2/pages/", "type"),
    ("/api/v2/pages/", "limit"),
]


def public_cases():
    for path, parameter in PUBLIC:
        for name, value in HOSTILE.items():
            yield pytest.param(path, parameter, value, id=f"{path}?{parameter}={name}")


def assert_no_server_error(client, path, parameter, value):
    response = client.get(f"{path}?{parameter}={value}")
    assert response.status_code < 500, (path, parameter, response.status_code)


@pytest.mark.parametrize(("path", "parameter", "value"), list(public_cases()))
def test_public_query_parameters(client, path, parameter, value):
    assert_no_server_error(client, path, parameter, value)


def admin_search_urls():
    urls = [reverse("wagtailadmin_pages:search"), reverse("wagtailusers_users:index")]
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        urls.append(reverse(viewset.get_url_name("list")))
        namespace = viewset.get_chooser_admin_url_namespace()
        urls += [reverse(f"{namespace}:{name}") for name in ("choose", "choose_results")]
    return urls


@pytest.mark.parametrize("name", list(HOSTILE))
def test_admin_search_boxes(client, name):
    login(client, "admin")
    urls = admin_search_urls()
    assert reverse("wagtailsnippetchoosers_measures_department:choose_results") in urls
    for url in urls:
        assert_no_server_error(client, url, "q", HOSTILE[name])


@pytest.mark.parametrize("name", ["double-quote", "nul", "lone-surrogate", "long-ascii"])
def test_admin_search_boxes_for_a_department_editor(client, name):
    login(client, "editor-nosei")
    assert_no_server_error(client, reverse("wagtailadmin_pages:search"), "q", HOSTILE[name])
