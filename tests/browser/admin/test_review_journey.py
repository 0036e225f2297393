"""A department's change from draft to publication, and back once, in the browser.

editor-nosei (農政課) changes measure 8, saves a draft and submits it; the public page stays as it
was; the reviewer hears of it by mail and on the dashboard, sends it back with a comment from the
edit view; the editor reads the comment on the edit page, fixes the text and resubmits; the
reviewer approves from the edit view; the public page and its 更新履歴 show the change, written
by 農政課 and approved by 情報政策課.
"""

import re

from playwright.sync_api import expect

from tests.browser.admin.steps import (
    APPROVE_AND_PUBLISH,
    BACK_TO_LISTING,
    REJECT,
    open_footer_menu,
    submit_for_review,
)

ADDITION = "令和5年度は、スマート農業機械の導入を支援する補助を始めます。"
FIX = "補助の上限は150万円です。"
NOTE = "令和5年度の補助制度を追記しました。"
COMMENT = "補助の上限額も書いてください。"


def test_change_is_reviewed_sent_back_fixed_and_published(staff, reader, mailbox, page_id):
    measure = page_id("ja", 8)
    public = "/ja/measures/8/"

    editor = staff("editor-nosei")
    editor.get_by_placeholder(re.compile("ページを検索")).fill("スマート農業")
    editor.keyboard.press("Enter")
    editor.get_by_role("link", name="スマート農業の実現").first.click()
    expect(editor).to_have_url(re.compile(rf"/admin/pages/{measure}/edit/"))
    effects = editor.locator("textarea[name=expected_effects]")
    effects.fill(effects.input_value() + "\n" + ADDITION)
    editor.get_by_role("button", name="下書き保存").click()
    expect(editor.locator("textarea[name=expected_effects]")).to_have_value(re.compile(ADDITION))

    editor.locator("textarea[name=change_note]").fill(NOTE)
    submit_for_review(editor)

    reader.goto(public)
    expect(reader.locator("main")).not_to_contain_text(ADDITION)
    assert any("スマート農業の実現" in subject for to, subject, _ in mailbox() if to)

    reviewer = staff("reviewer")
    waiting = reviewer.locator("section, .w-panel").filter(has_text="スマート農業の実現").first
    expect(waiting).to_be_visible()
    reviewer.goto(f"/admin/pages/{measure}/edit/")
    open_footer_menu(reviewer)
    reviewer.get_by_role("button", name=REJECT).click()
    dialog = reviewer.get_by_role("dialog").filter(has=reviewer.get_by_label("差し戻しの理由"))
    dialog.get_by_label("差し戻しの理由").fill(COMMENT)
    dialog.get_by_role("button", name=REJECT).click()
    expect(reviewer).to_have_url(BACK_TO_LISTING)

    editor.goto(f"/admin/pages/{measure}/edit/")
    expect(editor.locator(".messages")).to_contain_text(COMMENT)
    effects = editor.locator("textarea[name=expected_effects]")
    effects.fill(effects.input_value() + FIX)
    submit_for_review(editor)

    reviewer.goto(f"/admin/pages/{measure}/edit/")
    open_footer_menu(reviewer)
    reviewer.get_by_role("button", name=APPROVE_AND_PUBLISH).click()
    expect(reviewer).to_have_url(BACK_TO_LISTING)

    reader.goto(public)
    main = reader.locator("main")
    expect(main).to_contain_text(ADDITION + FIX)
    history = reader.locator(".change-history")
    expect(history).to_contain_text(NOTE)
    expect(history).to_contain_text("作成: 農政課")
    expect(history).to_contain_text("承認: 情報政策課")
