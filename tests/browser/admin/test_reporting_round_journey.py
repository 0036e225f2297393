"""The yearly reporting round, in the browser, from opening to the public site's new year.

The division (reviewer) opens the 令和5年度 round in 進捗報告の依頼; editor-joho reports measure
13 in the page editor and three more measures through the round's workbook (downloaded,
filled as a spreadsheet program would, uploaded); the reminders of a day two weeks before the
due date reach a department that has not reported; the reviewer approves the four reports and
closes the round, and the public site shows 令和5年度 as the current year with 令和4年度 still
readable.

Closing a round changes what every public page shows, so this journey runs on a site of its own
(tests/browser/conftest.py, site_environment).
"""

import datetime
import re
from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from reporting.spreadsheets import COLUMNS, SHEET_TITLE
from tests.browser.admin.steps import (
    APPROVE_AND_PUBLISH,
    BACK_TO_LISTING,
    open_footer_menu,
    submit_for_review,
)
from tests.browser.conftest import served_site, site_environment

FORM_MEASURE = 13
# Due a month from now, as a round the division opens today would be.
DUE = datetime.date.today() + datetime.timedelta(days=30)
ACHIEVEMENTS = "全庁で電子決裁を使い始めました。"
WORKBOOK_REPORT = {
    "実績": "窓口で使える手続きを増やしました。",
    "課題": "高齢の方への案内",
    "進捗評価": "少し遅延",
    "理由": "調達に時間がかかったため。",
}
# Closing publishes the home page in every language and purges every URL. When each page's font
# re-cut ran before the answer (this site has no Celery broker), that took 7 s on an idle machine
# and more than the patient person's 30 s beside CI's other jobs; the re-cuts now run after it
# (cms/after_response.py), and the allowance stays for a loaded machine.
CLOSING_MS = 120_000


@pytest.fixture(scope="module")
def site_env(tmp_path_factory):
    yield from site_environment(tmp_path_factory, "reporting-site")


@pytest.fixture(scope="module")
def site_url(site_env):
    yield from served_site(site_env)


def _filled_workbook(content, keep):
    """The downloaded workbook with the rows of the measures in keep filled, the others taken
    out, as a person returning three of their measures would."""
    book = load_workbook(BytesIO(content))
    sheet = book[SHEET_TITLE]
    number_column = COLUMNS.index("施策番号") + 1
    for row in range(sheet.max_row, 2, -1):
        if sheet.cell(row=row, column=number_column).value not in keep:
            sheet.delete_rows(row)
    for row in range(3, sheet.max_row + 1):
        for name, value in WORKBOOK_REPORT.items():
            sheet.cell(row=row, column=COLUMNS.index(name) + 1).value = value
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _report_of_year(editor, year):
    """The inline panel of the page editor's yearly report of that fiscal year."""
    for index in range(editor.locator("[id^='inline_child_progress_reports-']").count()):
        child = editor.locator(f"#inline_child_progress_reports-{index}")
        if child.locator("select[name$='-fiscal_year']").input_value() == str(year):
            return child
    raise AssertionError(f"no report of {year} in the editor")


def test_a_round_is_opened_reported_by_form_and_workbook_approved_and_closed(
    staff, reader, page_id, mailbox, manage, tmp_path
):
    reviewer = staff("reviewer")
    reviewer.goto("/admin/")
    reviewer.get_by_role("link", name="進捗報告の依頼").click()
    reviewer.get_by_label("報告対象年度").fill("2023")
    reviewer.get_by_label("提出期限").fill(DUE.isoformat())
    reviewer.get_by_role("button", name="開始").click()
    expect(reviewer.get_by_role("heading", name="令和5年度の進捗報告")).to_be_visible()
    expect(reviewer.locator("[data-status-count='not_started']")).to_have_text("24")
    dashboard = reviewer.url

    editor = staff("editor-joho")
    editor.goto(f"/admin/pages/{page_id('ja', FORM_MEASURE)}/edit/")
    report = _report_of_year(editor, 2023)
    report.get_by_label("実績", exact=True).fill(ACHIEVEMENTS)
    report.get_by_label("進捗評価").select_option(label="計画通り")
    submit_for_review(editor)

    editor.goto("/admin/")
    editor.get_by_role("link", name="進捗報告の依頼").click()
    editor.get_by_role("link", name="ダウンロード・アップロード").click()
    with editor.expect_download() as download:
        editor.get_by_role("link", name="ファイルをダウンロード").click()
    content = download.value.path().read_bytes()
    downloaded = load_workbook(BytesIO(content))[SHEET_TITLE]
    offered = [downloaded.cell(row=r, column=1).value for r in range(3, downloaded.max_row + 1)]
    workbook_measures = [n for n in offered if n != FORM_MEASURE][:3]
    filled = tmp_path / "report-2023.xlsx"
    filled.write_bytes(_filled_workbook(content, workbook_measures))
    editor.get_by_label("記入したファイル（.xlsx）").set_input_files(filled)
    editor.get_by_role("button", name="アップロードして審査に送る").click()
    expect(editor.get_by_text("3件の報告を審査に送りました。")).to_be_visible()

    reviewer.goto(dashboard)
    expect(reviewer.locator("[data-status-count='in_review']")).to_have_text("4")

    manage("send_reporting_reminders", "--date", (DUE - datetime.timedelta(days=14)).isoformat())
    reminders = [(to, subject) for to, subject, _body in mailbox() if "nosei" in to]
    assert reminders, "the agriculture division, which has not reported, is reminded"

    for number in [FORM_MEASURE, *workbook_measures]:
        reviewer.goto(f"/admin/pages/{page_id('ja', number)}/edit/")
        open_footer_menu(reviewer)
        reviewer.get_by_role("button", name=APPROVE_AND_PUBLISH).click()
        expect(reviewer).to_have_url(BACK_TO_LISTING)
    reviewer.goto(dashboard)
    expect(reviewer.locator("[data-status-count='approved']")).to_have_text("4")
    reviewer.get_by_role("button", name="締め切る").click(timeout=CLOSING_MS)
    expect(reviewer.get_by_text(re.compile("現在の報告年度になりました"))).to_be_visible(
        timeout=CLOSING_MS
    )

    reader.goto("/ja/")
    progress = reader.locator("#table-1-2").locator("..")
    expect(progress.locator("caption").first).to_contain_text("令和5年度")
    reader.goto(f"/ja/measures/{FORM_MEASURE}/")
    headings = reader.locator("main section.report h2")
    expect(headings.first).to_have_text("令和5年度の進捗")
    expect(reader.locator("main")).to_contain_text(ACHIEVEMENTS)
    expect(reader.locator("main")).to_contain_text("令和4年度の進捗")
    reader.goto("/ja/?year=2022")
    expect(reader.locator("#table-1-2").locator("..").locator("caption").first).to_contain_text(
        "令和4年度"
    )
