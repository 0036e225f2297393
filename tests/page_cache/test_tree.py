"""The header's section links, the language switcher and the page a path leads to, worked out
once per state of the page tree (page_cache.tree), follow every change of the tree at once."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Locale

from measures.models import MeasurePage
from page_cache import tree

pytestmark = pytest.mark.django_db


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def switcher_languages(client, url):
    return [a["hreflang"] for a in soup_of(client, url).select("nav.language-switcher a")]


def site_nav_links(client, url):
    return [a["href"] for a in soup_of(client, url).select("nav.site-nav a")]


def test_the_header_follows_a_section_unpublished_and_published_again(client, home_page):
    english = Locale.objects.get(language_code="en")
    glossary = home_page.get_children().get(slug="glossary").get_translation(english)
    assert "/en/glossary/" in site_nav_links(client, "/en/measures/")

    glossary.unpublish()
    links = site_nav_links(client, "/en/measures/")
    assert "/ja/glossary/" in links  # a section missing in English links the Japanese one
    assert "/en/glossary/" not in links

    glossary.get_latest_revision().publish()
    assert "/en/glossary/" in site_nav_links(client, "/en/measures/")


def test_a_memo_is_worked_out_once_until_the_tree_changes(home_page):
    answers = iter(["first", "second"])

    def compute():
        return next(answers)

    assert tree.memoised("test", compute) == "first"
    assert tree.memoised("test", compute) == "first"
    home_page.save_revision().publish()
    assert tree.memoised("test", compute) == "second"


def test_what_another_process_memoised_before_the_commit_is_retired_by_it(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        tree.tree_changed()
        # Another process reads the tree as it was before the change, under the new token.
        cache.set(f"{tree.MEMO_PREFIX}{tree.generation()}:test", "the tree before the change")

    assert len(callbacks) == 1
    assert tree.memoised("test", lambda: "the tree after the change") == (
        "the tree after the change"
    )


def test_a_path_leads_to_the_page_as_it_is_now(client, measure):
    page = measure(6)
    assert client.get("/ja/measures/6/").status_code == 200  # remembered

    page.slug = "open-data"
    page.save_revision().publish()
    assert client.get("/ja/measures/6/").status_code == 404
    assert client.get("/ja/measures/open-data/").status_code == 200

    page.unpublish()
    assert client.get("/ja/measures/open-data/").status_code == 404


def test_a_remembered_path_is_found_in_one_query(client, measure, django_assert_num_queries):
    page = measure(6)
    client.get(page.url)
    home = page.get_parent().get_parent().specific
    request = RequestFactory().get(page.url)

    with django_assert_num_queries(1):
        found, args, kwargs = home.route(request, ["measures", "6"])
    assert (found.pk, type(found), args, kwargs) == (page.pk, MeasurePage, [], {})
