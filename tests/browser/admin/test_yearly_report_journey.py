"""A department adds next year's progress report to its measure, and it is published after review.

editor-joho adds the 令和5年度 report to measure 13 in the page editor — the year chosen as
令和5年度, with 実績, 課題, 進捗評価 and 理由 — and submits it; the reviewer approves it; the
public page shows the new year beside the old ones.
"""

import re

from playwright.sync_api import expect

from tests.browser.admin.steps import (
    APPROVE_AND_PUBLISH,
    BACK_TO_LISTING,
    open_footer_menu,
    submit_for_review,
)

ACHIEVEMENTS = "庁内の電子決裁の利用率が8割を超えました。"
ISSUES = "紙の資料を前提とした手順が一部に残っています。"
REASON = "予定していた部署すべてで電子決裁を始めたため。"


def test_next_fiscal_year_report_is_added_reviewed_and_published(staff, reader, page_id):
    measure = page_id("ja", 13)
    editor = staff("editor-joho")
    editor.goto(f"/admin/pages/{measure}/edit/")
    years = editor.locator("select[name^='progress_reports-'][name$='-fiscal_year']")
    before = years.count()
    editor.get_by_role("button", name="年度の報告を追加").click()
    expect(years).to_have_count(before + 1)
    added = editor.locator(f"#inline_child_progress_reports-{before}")  # forms count from 0
    added.get_by_label(re.compile(r"^\s*年度\*?\s*$")).select_option(label="令和5年度 (2023)")
    added.get_by_label("実績", exact=True).fill(ACHIEVEMENTS)
    added.get_by_label("課題").fill(ISSUES)
    added.get_by_label("進捗評価").select_option(label="計画通り")
    added.get_by_label("理由").fill(REASON)
    submit_for_review(editor)

    reviewer = staff("reviewer")
    reviewer.goto(f"/admin/pages/{measure}/edit/")
    open_footer_menu(reviewer)
    reviewer.get_by_role("button", name=APPROVE_AND_PUBLISH).click()
    expect(reviewer).to_have_url(BACK_TO_LISTING)

    reader.goto("/ja/measures/13/")
    main = reader.locator("main")
    expect(main).to_contain_text("令和5年度")
    expect(main).to_contain_text(ACHIEVEMENTS)
    expect(main).to_contain_text(REASON)
    expect(main).to_contain_text("令和4年度")
