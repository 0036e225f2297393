"""Reporting rounds: opening drafts a report per measure, the dashboard follows them, closing
makes the year current."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.urls import reverse

from home.models import HomePage
from measures.importer.proposals import SYSTEM_USERNAME
from measures.models import MeasurePage
from reporting.models import ReportingRound, RoundStatus
from reporting.services import MeasureStatus, close_round, open_round, round_rows
from tests.measures.workflow_steps import login
from tests.reporting.steps import approve, department_editor, submit_change

DUE = datetime.date(2024, 6, 30)


def open_2023(*extra):
    out = io.StringIO()
    call_command("open_reporting_round", "2023", "--due", DUE.isoformat(), *extra, stdout=out)
    return out.getvalue()


def report_of(page, year=2023):
    return next((r for r in page.progress_reports.all() if r.fiscal_year == year), None)


def fill_report(draft, **fields):
    report = report_of(draft)
    for key, value in fields.items():
        setattr(report, key, value)
    draft.progress_reports = list(draft.progress_reports.all())


REPORT = {
    "achievements": "電子申請の対象手続を拡大した。",
    "issues": "周知",
    "evaluation": "on_track",
    "reason": "計画通り",
}


def test_opening_drafts_an_unpublished_report_for_every_measure(db, measure):
    out = open_2023()

    assert "Opened the 令和5年度 round (due 2024-06-30): 24 draft reports created" in out
    round_ = ReportingRound.objects.get(fiscal_year=2023)
    assert round_.measures.count() == 24 and round_.status == RoundStatus.OPEN
    page = measure(6)
    assert report_of(page) is None  # the live page: nothing public
    draft = page.get_latest_revision_as_object()
    report = report_of(draft)
    assert report.plan == page.plan_for(2023) != ""
    assert (report.achievements, report.evaluation) == ("", "")
    assert page.get_latest_revision().user.username == SYSTEM_USERNAME
    assert not page.workflow_in_progress
    assert round_.history.count() >= 1


def test_opening_again_drafts_nothing_twice(db):
    open_2023()
    out = open_2023()
    assert "Already open: the 令和5年度 round" in out
    assert "0 draft reports created, 24 left alone" in out


def test_bad_arguments_are_refused(db):
    with pytest.raises(CommandError, match="not a date"):
        call_command("open_reporting_round", "2023", "--due", "2024-13-45")
    with pytest.raises(CommandError, match="not a fiscal year"):
        call_command("open_reporting_round", "99999", "--due", "2024-06-30")
    assert not ReportingRound.objects.exists()


def statuses(round_):
    return {row.page.number: row.status for row in round_rows(round_)}


def test_the_dashboard_follows_each_report_through_the_review(db, measure):
    round_ = open_round(2023, DUE).round
    page = measure(6)
    editor = department_editor(page)
    assert statuses(round_)[6] == MeasureStatus.NOT_STARTED

    draft = page.get_latest_revision_as_object()
    fill_report(draft, **REPORT)
    draft.save_revision(user=editor)
    assert statuses(round_)[6] == MeasureStatus.DRAFT

    page.get_workflow().start(draft, editor)
    assert statuses(round_)[6] == MeasureStatus.IN_REVIEW

    state = MeasurePage.objects.get(pk=page.pk).current_workflow_task_state
    state.task.specific.on_action(state, reviewer(), "reject", comment="理由を詳しく")
    assert statuses(round_)[6] == MeasureStatus.CHANGES_REQUESTED

    submit_change(page, editor, lambda d: None)
    approve(page)
    assert statuses(round_)[6] == MeasureStatus.APPROVED
    assert report_of(MeasurePage.objects.get(pk=page.pk)).achievements == REPORT["achievements"]


def reviewer():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="reviewer")


def test_the_dashboard_page_counts_filters_and_marks_overdue_rows(client, measure):
    round_ = open_round(2023, datetime.date(2020, 4, 1)).round  # already past its due date
    page = measure(6)
    editor = department_editor(page)
    submit_change(page, editor, lambda d: fill_report(d, **REPORT))
    login(client, "reviewer")

    soup = BeautifulSoup(
        client.get(reverse("reporting_round", args=[round_.pk])).content, "html.parser"
    )

    counts = {li["data-status-count"]: int(li.text) for li in soup.select("[data-status-count]")}
    assert counts == {
        "not_started": 23,
        "draft": 0,
        "in_review": 1,
        "changes_requested": 0,
        "approved": 0,
    }
    row_6 = soup.select_one('tr[data-measure="6"]')
    assert row_6.select_one("[data-status]").get_text(strip=True) == "審査中"
    assert editor.username in row_6.get_text() or editor.get_full_name() in row_6.get_text()
    row_1 = soup.select_one('tr[data-measure="1"]')
    assert "（期限超過）" in row_1.get_text()  # said in words, not by colour alone
    assert "（期限超過）" not in row_6.get_text()

    department = page.lead_department.name
    filtered = BeautifulSoup(
        client.get(
            reverse("reporting_round", args=[round_.pk]), {"department": department}
        ).content,
        "html.parser",
    )
    shown = {tr["data-measure"] for tr in filtered.select("tr[data-measure]")}
    expected = {str(row.page.number) for row in round_rows(round_) if row.department == department}
    assert shown == expected and "6" in shown and len(shown) < 24


def test_editors_cannot_follow_or_open_rounds(client, db):
    round_ = open_round(2023, DUE).round
    login(client, "editor-nosei")
    assert client.get(reverse("reporting_round", args=[round_.pk])).status_code == 403
    response = client.post(
        reverse("reporting_index"), {"fiscal_year": 2023, "due_date": "2024-06-30"}
    )
    assert response.status_code == 403
    assert ReportingRound.objects.count() == 1


def test_the_division_opens_and_closes_a_round_in_the_admin(client, db):
    login(client, "reviewer")
    response = client.post(
        reverse("reporting_index"), {"fiscal_year": 2023, "due_date": "2024-06-30"}
    )
    round_ = ReportingRound.objects.get(fiscal_year=2023)
    assert response.status_code == 302 and round_.opened_by.username == "reviewer"
    again = client.post(reverse("reporting_index"), {"fiscal_year": 2023, "due_date": "x"})
    assert again.status_code == 200 and ReportingRound.objects.count() == 1

    client.post(reverse("reporting_close", args=[round_.pk]))

    round_.refresh_from_db()
    assert round_.status == RoundStatus.CLOSED
    assert set(HomePage.objects.values_list("report_fiscal_year", flat=True)) == {2023}


def test_closing_shows_the_year_on_the_public_site_with_older_years_readable(client, measure):
    round_ = open_round(2023, DUE).round
    page = measure(6)
    submit_change(page, department_editor(page), lambda d: fill_report(d, **REPORT))
    approve(page)
    close_round(round_)

    home = client.get("/ja/").content.decode()
    assert "令和5年度実績" in home
    measure_page = client.get("/ja/measures/6/").content.decode()
    assert REPORT["achievements"] in measure_page
    assert "令和4年度" in measure_page
    unset = client.get("/ja/measures/7/")  # its FY2023 report is only a draft: nothing shown
    assert unset.status_code == 200
    data = client.get("/ja/open-data/plan.json").json()
    assert data["plan"]["report_fiscal_year"] == 2023
    six = next(m for m in data["measures"] if m["number"] == 6)
    assert [r["fiscal_year"] for r in six["reports"]] == [2022, 2023]
