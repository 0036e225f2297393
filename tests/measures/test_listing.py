"""A long measure list is cut into pages, filtered and counted by the database, and the home
page's summary tables show their first rows: what a page reads does not grow with the site."""

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from measures.listing import MEASURES_PER_PAGE
from measures.models import MeasurePage
from measures.summary import HOME_TABLE_ROWS
from search.synthetic import generate_measures

pytestmark = pytest.mark.django_db

PLAN_MEASURES = 24
# Rows of a home table in the test of its cut: fewer than the plan's first goal has.
ROWS = 3


def listed_numbers(html):
    return [int(n) for n in re.findall(r'<li value="(\d+)">', html)]


def result_count(html):
    return BeautifulSoup(html, "html.parser").find(class_="result-count").get_text(strip=True)


def test_the_plan_fits_on_one_page_without_page_links(client):
    html = client.get("/ja/measures/").content.decode()
    assert listed_numbers(html) == list(range(1, PLAN_MEASURES + 1))
    assert 'class="pagination"' not in html


def test_a_long_list_is_paged_and_counted_in_full(client):
    generate_measures(MEASURES_PER_PAGE + 10, ["ja"])
    total = PLAN_MEASURES + MEASURES_PER_PAGE + 10
    first = client.get("/ja/measures/").content.decode()
    assert len(listed_numbers(first)) == MEASURES_PER_PAGE
    assert result_count(first) == f"{total}件の施策"
    nav = BeautifulSoup(first, "html.parser").find("nav", class_="pagination")
    assert nav.find("a", rel="next")["href"] == "?page=2"
    assert nav.find(attrs={"aria-current": "page"}).get_text() == "1 / 2"

    second = client.get("/ja/measures/?page=2").content.decode()
    assert (
        listed_numbers(second)
        == sorted(
            MeasurePage.objects.live()
            .filter(locale__language_code="ja")
            .values_list("number", flat=True)
        )[MEASURES_PER_PAGE:]
    )
    assert result_count(second) == f"{total}件の施策"


def test_page_links_keep_the_filters(client):
    generate_measures(6 * MEASURES_PER_PAGE, ["ja"])  # about a quarter of them of each goal
    html = client.get("/ja/measures/?goal=2&page=2").content.decode()
    nav = BeautifulSoup(html, "html.parser").find("nav", class_="pagination")
    assert nav.find("a", rel="prev")["href"] == "?goal=2&page=1"
    goal_two = MeasurePage.objects.live().filter(locale__language_code="ja", goal=2)
    assert result_count(html) == f"{goal_two.count()}件の施策"
    assert set(listed_numbers(html)) <= set(goal_two.values_list("number", flat=True))


def test_a_page_number_out_of_range_shows_the_last_page(client):
    generate_measures(MEASURES_PER_PAGE, ["ja"])
    html = client.get("/ja/measures/?page=99").content.decode()
    assert listed_numbers(html)[-1] == 1000 + MEASURES_PER_PAGE - 1


@pytest.mark.parametrize("sdg", [4, 9, 11])
def test_the_sdg_filter_finds_exactly_the_measures_with_that_goal(client, sdg):
    html = client.get(f"/ja/measures/?sdg={sdg}").content.decode()
    pages = MeasurePage.objects.live().filter(locale__language_code="ja")
    expected = sorted(m.number for m in pages if sdg in m.sdgs)
    assert expected
    assert listed_numbers(html) == expected


def _queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize(
    "address",
    ["/ja/measures/", "/ja/measures/?goal=2&evaluation=on_track", "/ja/measures/?sdg=9", "/ja/"],
)
def test_the_queries_of_a_list_do_not_grow_with_the_site(client, address):
    generate_measures(10, ["ja"])
    client.get(address)
    before = _queries(client, address)
    generate_measures(2 * MEASURES_PER_PAGE + HOME_TABLE_ROWS, ["ja"])
    assert _queries(client, address) == before


def test_the_home_tables_show_their_first_rows_and_link_the_rest(client, monkeypatch):
    monkeypatch.setattr("home.models.HOME_TABLE_ROWS", ROWS)
    soup = BeautifulSoup(client.get("/ja/").content, "html.parser")
    table_1_1 = soup.find(id="table-1-1").find_parent("section")
    assert len(table_1_1.find("tbody").find_all("tr")) == ROWS
    more = table_1_1.find(class_="table-more").a
    assert more.get_text() == f"ほか{PLAN_MEASURES - ROWS}件の施策を施策一覧で見る"
    assert more["href"] == "/ja/measures/"

    table_1_2 = soup.find(id="table-1-2").find_parent("section")
    rows = table_1_2.select("table tbody tr")
    assert len(rows) == ROWS
    plan = MeasurePage.objects.live().filter(locale__language_code="ja")
    sizes = dict(plan.order_by().values_list("goal").annotate(size=Count("pk")))
    shown = Counter(plan.order_by("number").values_list("goal", flat=True)[:ROWS])
    links = table_1_2.select(".table-more a")
    assert len(links) == len([g for g in shown if sizes[g] > shown[g]]) > 0
    for link in links:
        goal = int(link["href"].removeprefix("/ja/measures/?goal="))
        assert link.get_text() == f"ほか{sizes[goal] - shown[goal]}件の施策を施策一覧で見る"


def test_the_plan_home_tables_list_every_measure(client):
    soup = BeautifulSoup(client.get("/ja/").content, "html.parser")
    table_1_1 = soup.find(id="table-1-1").find_parent("section")
    assert len(table_1_1.find("tbody").find_all("tr")) == PLAN_MEASURES
    assert not soup.select(".table-more")
