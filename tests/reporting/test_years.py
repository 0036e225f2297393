"""Every reported year stays readable: 表1-2 by year, each measure's years and trend, open data."""

import datetime
import io
import json

import jsonschema
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse

from measures.opendata import PLAN_SCHEMA_PATH
from reporting.models import ReportingRound
from reporting.services import MeasureStatus, close_round, open_round, round_rows
from tests.measures.workflow_steps import login
from tests.reporting.steps import approve, department_editor, submit_change
from tests.reporting.test_rounds import REPORT, fill_report


@pytest.fixture
def fy2023_closed(measure):
    """Measure 6 reported and approved for FY2023, the round closed."""
    round_ = open_round(2023, datetime.date(2024, 6, 30)).round
    page = measure(6)
    submit_change(page, department_editor(page), lambda d: fill_report(d, **REPORT))
    approve(page)
    close_round(round_)
    return round_


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def captions(page):
    return [
        c.get_text(strip=True) for c in page.select("#table-1-2 ~ div caption, section caption")
    ]


def row_of(page, number):
    """Measure number's row in 表1-2 (表1-1 lists the measures too)."""
    section = page.find(id="table-1-2").find_parent("section")
    return next(
        tr
        for tr in section.select("table.summary-table tr")
        if tr.th and tr.th.a and tr.th.a.get_text().startswith(f"{number}.")
    )


def test_the_summary_shows_the_current_year_and_any_reported_year(client, fy2023_closed):
    current = soup(client, "/ja/")
    assert any("令和5年度" in c for c in captions(current))
    options = [o["value"] for o in current.select("#year-choice option")]
    assert options[:2] == ["2023", "2022"]
    assert "計画通り" in row_of(current, 6).get_text()

    older = soup(client, "/ja/?year=2022")
    assert any("令和4年度" in c for c in captions(older))
    assert not any("令和5年度" in c for c in captions(older))


@pytest.mark.parametrize("value", ["abc", "1999", ""])  # NUL: tests/cms/test_nul_characters.py
def test_a_year_without_reports_falls_back_to_the_current_one(client, fy2023_closed, value):
    page = soup(client, f"/ja/?year={value}")
    assert any("令和5年度" in c for c in captions(page))


def test_each_measure_shows_every_year_current_first_and_its_trend(client, fy2023_closed):
    page = soup(client, "/ja/measures/6/")
    headings = [h.get_text(strip=True) for h in page.select("section.report h2")]
    assert headings[:2] == ["令和5年度の進捗", "令和4年度の進捗"]
    plan_years = [th.get_text(strip=True) for th in page.select(".plan-table tbody th")]
    assert plan_years == [f"令和{n}年度" for n in range(3, 8)]

    trend = row_of(soup(client, "/ja/"), 6).select(".trend__point")
    assert [point.contents[0].strip() for point in trend][-2:] == [
        "令和4年度",
        "令和5年度",
    ]


def test_the_open_data_has_every_year_and_the_round_dates(client, fy2023_closed):
    data = client.get("/ja/open-data/plan.json").json()
    jsonschema.validate(
        data,
        json.loads(PLAN_SCHEMA_PATH.read_text(encoding="utf-8")),
        format_checker=jsonschema.FormatChecker(),
    )
    assert data["plan"]["report_fiscal_year"] == 2023
    assert data["plan"]["report_due_date"] == "2024-06-30"
    assert data["plan"]["report_published_at"].startswith(str(fy2023_closed.closed_at.date()))
    six = next(m for m in data["measures"] if m["number"] == 6)
    assert [r["fiscal_year"] for r in six["reports"]] == [2022, 2023]


def test_the_demo_opens_a_round_with_work_to_do(client, db):
    out = io.StringIO()
    call_command("bootstrap_site", "--demo", "--open-round", stdout=out)

    round_ = ReportingRound.objects.get(fiscal_year=2023)
    assert "demo reporting round 2023: 24 draft reports" in out.getvalue()
    assert round_.due_date > datetime.date.today()
    assert {row.status for row in round_rows(round_)} == {MeasureStatus.NOT_STARTED}
    login(client, "reviewer")
    dashboard = soup(client, reverse("reporting_round", args=[round_.pk]))
    assert len(dashboard.select("tr[data-measure]")) == 24
