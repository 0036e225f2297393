"""Progress at a glance: the counts behind the charts, checked against the imported report."""

from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from measures.models import MeasurePage, ProgressReport, published_measures
from measures.progress_overview import (
    BAR_WIDTH,
    NOT_EVALUATED,
    evaluation_trend,
    overview_by_department,
    overview_by_goal,
)

# The source report's own figures for 令和4年度 (表1-2): 21 計画通り, 2 少し遅延, 1 遅延.
REPORTED_2022 = {"on_track": 21, "slightly_delayed": 2, "delayed": 1}


def _evaluations_in_database(fiscal_year, **page_filters):
    reports = ProgressReport.objects.filter(
        fiscal_year=fiscal_year, page__locale__language_code="ja", page__live=True, **page_filters
    ).exclude(evaluation="")
    return dict(Counter(reports.values_list("evaluation", flat=True)))


@pytest.fixture(autouse=True)
def in_japanese():
    with translation.override("ja"):
        yield


@pytest.fixture
def goal_overview(home_page):
    goals = {goal.number: goal for goal in home_page.goals.all()}
    return overview_by_goal(published_measures(home_page), goals, home_page.report_fiscal_year)


def test_overall_counts_are_the_reports(goal_overview):
    overall = goal_overview.rows[0]
    assert goal_overview.fiscal_year == 2022
    assert overall.counts == REPORTED_2022
    assert overall.counts == _evaluations_in_database(2022)
    assert overall.total == 24


def test_each_goal_counts_its_own_measures(goal_overview):
    goal_rows = goal_overview.rows[1:]
    assert [row.filter_query for row in goal_rows] == [f"goal={n}" for n in (1, 2, 3, 4)]
    for number, row in enumerate(goal_rows, start=1):
        assert row.counts == _evaluations_in_database(2022, page__goal=number)
        assert row.label.startswith(f"基本目標{number}：")
    assert sum((Counter(row.counts) for row in goal_rows), Counter()) == Counter(REPORTED_2022)


def test_bars_are_scaled_to_the_longest_row_and_contiguous(goal_overview):
    widths = []
    for row in goal_overview.rows:
        x = 0
        for segment in row.segments:
            assert segment.x == pytest.approx(x)
            x += segment.width
        widths.append(x)
    assert max(widths) == pytest.approx(BAR_WIDTH)
    overall, first_goal = goal_overview.rows[0], goal_overview.rows[1]
    assert widths[1] == pytest.approx(BAR_WIDTH * first_goal.total / overall.total)


def test_a_year_without_reports_counts_as_not_evaluated(home_page):
    overview = overview_by_goal(published_measures(home_page), {}, 2024)
    assert overview.rows[0].counts == {NOT_EVALUATED: 24}
    assert overview.legend == [(NOT_EVALUATED, "未評価")]
    assert overview.rows[0].text == "未評価 24件"


def test_departments_count_the_measures_they_lead(home_page):
    overview = overview_by_department(published_measures(home_page), 2022)
    leads = Counter(m.departments[0].name for m in published_measures(home_page) if m.departments)
    assert {row.label: row.total for row in overview.rows} == dict(leads)
    assert sum(row.total for row in overview.rows) == 24
    for row in overview.rows:
        assert row.filter_query.startswith("department=")


def test_trend_lists_each_evaluated_year_in_order(measure):
    page = measure(3)
    ProgressReport.objects.create(
        page=page, locale=page.locale, fiscal_year=2023, evaluation="delayed", sort_order=9
    )
    ProgressReport.objects.create(page=page, locale=page.locale, fiscal_year=2024, sort_order=10)
    page = MeasurePage.objects.get(pk=page.pk)
    trend = evaluation_trend(page)
    years = [point.fiscal_year for point in trend]
    assert years == sorted(years)
    assert years[-1] == 2023  # the 2024 report has no evaluation yet
    assert (trend[-1].key, trend[-1].label) == ("delayed", "遅延")
    assert [point.x for point in trend] == [20 * n for n in range(len(trend))]


def test_home_page_chart_says_the_counts_in_words_and_in_a_table(client, db):
    soup = BeautifulSoup(client.get("/ja/").content, "html.parser")
    section = soup.find("section", class_="at-a-glance")
    summary = section.find(class_="at-a-glance__summary").get_text()
    assert "24件の施策のうち、計画通り 21件、少し遅延 2件、遅延 1件。" in summary
    bars = section.find_all("svg", role="img")
    assert len(bars) == 5
    for bar in bars:
        assert bar.find("title").get("id") == bar["aria-labelledby"]
    assert bars[0].find("title").get_text() == "計画通り 21件、少し遅延 2件、遅延 1件"
    rows = section.find("details").find("tbody").find_all("tr")
    first = [cell.get_text(strip=True) for cell in rows[0].find_all(["th", "td"])]
    assert first == ["すべての施策", "21", "2", "1", "24"]
    assert rows[1].th.a["href"] == "/ja/measures/?goal=1"


def test_list_page_shows_the_departments_chart_and_each_trend(client, db):
    soup = BeautifulSoup(client.get("/ja/measures/").content, "html.parser")
    chart = soup.find("figure", class_="progress-chart")
    totals = [int(row.find_all("td")[-1].get_text()) for row in chart.tbody.find_all("tr")]
    assert sum(totals) == 24
    trends = soup.select(".measure-list .trend")
    assert len(trends) == 24
    assert "令和4年度" in trends[0].get_text()


def test_charts_are_translated(client, db):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    title = soup.find("section", class_="at-a-glance").find("svg", role="img").title
    assert "21" in title.get_text()
    assert "計画通り" not in title.get_text()
