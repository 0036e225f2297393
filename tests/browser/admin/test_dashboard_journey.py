"""The reviewer works from the dashboard: sends a change back with a comment, then approves it.

editor-joho (情報政策課) changes measure 6; the reviewer, who sees it on the dashboard among the
changes waiting for review, sends it back from the row's menu with a comment; the editor
resubmits, and the reviewer approves from the dashboard. The public page shows the change.
"""

import re

from playwright.sync_api import expect

from tests.browser.admin.steps import REJECT, submit_for_review

ADDITION = "オープンデータの利用者アンケートを始めます。"
COMMENT = "アンケートの時期を書いてください。"
FIX = "アンケートは毎年10月に行います。"
TITLE = "オープンデータの推進"
APPROVE = re.compile("^承認$")


def waiting_rows(reviewer):
    return reviewer.locator("tr").filter(has_text=TITLE)


def choose_from_row_menu(reviewer, action):
    reviewer.goto("/admin/")
    waiting_rows(reviewer).get_by_role("button", name="操作").click()
    menu = reviewer.locator(".w-dropdown__content").filter(visible=True)
    menu.get_by_text(action).click()


def test_reviewer_sends_back_and_approves_from_the_dashboard(staff, reader, page_id):
    measure = page_id("ja", 6)
    editor = staff("editor-joho")
    editor.goto(f"/admin/pages/{measure}/edit/")
    situation = editor.locator("textarea[name=situation]")
    situation.fill(situation.input_value() + "\n" + ADDITION)
    submit_for_review(editor)

    reviewer = staff("reviewer")
    choose_from_row_menu(reviewer, REJECT)
    dialog = reviewer.get_by_role("dialog").filter(has=reviewer.get_by_label("差し戻しの理由"))
    dialog.get_by_label("差し戻しの理由").fill(COMMENT)
    dialog.get_by_role("button", name=REJECT).click()
    expect(waiting_rows(reviewer)).to_have_count(0)

    editor.goto(f"/admin/pages/{measure}/edit/")
    expect(editor.locator(".messages")).to_contain_text(COMMENT)
    situation = editor.locator("textarea[name=situation]")
    situation.fill(situation.input_value() + FIX)
    submit_for_review(editor)

    choose_from_row_menu(reviewer, APPROVE)
    expect(waiting_rows(reviewer)).to_have_count(0)

    reader.goto("/ja/measures/6/")
    expect(reader.locator("main")).to_contain_text(ADDITION + FIX)
