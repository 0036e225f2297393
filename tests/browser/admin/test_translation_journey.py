"""A department translates its measure into English and the translation is published after review.

editor-nosei (農政課) changes the English 期待される効果 of measure 8 in the translation editor and
sends the translation to review from the page listing; readers of /en/ see the old English until
the reviewer approves it from the dashboard.
"""

import re

from playwright.sync_api import expect

ENGLISH = "Farmers will also be able to borrow the machines for a trial season."


def test_translation_is_reviewed_then_published(staff, reader, page_id):
    english_page = page_id("en", 8)
    editor = staff("editor-nosei")
    editor.goto(f"/admin/pages/{english_page}/edit/")
    field = (
        editor.locator("li, section, div")
        .filter(has=editor.get_by_role("heading", name="期待される効果", exact=True))
        .last
    )
    field.get_by_role("button", name="編集").first.click()
    editor_box = field.locator("textarea").first
    editor_box.fill(ENGLISH)
    field.get_by_role("button", name="保存").first.click()
    expect(field).to_contain_text(ENGLISH)

    editor.goto(f"/admin/pages/{page_id('en', page_type='measures.MeasureIndexPage')}/")
    row = editor.locator("tr").filter(has_text="Realising smart agriculture")
    row.get_by_role("button", name="操作").first.click()
    editor.get_by_role("link", name="翻訳を審査に送る").click()
    editor.get_by_role("button", name="審査に送る").click()
    expect(editor.locator(".messages")).to_contain_text("審査に送りました")

    reader.goto("/en/measures/8/")
    expect(reader.locator("main")).not_to_contain_text(ENGLISH)

    reviewer = staff("reviewer")
    reviewer.goto("/admin/")
    waiting = reviewer.locator("tr").filter(has_text="Realising smart agriculture")
    waiting.get_by_role("button", name="操作").click()
    menu = reviewer.locator(".w-dropdown__content").filter(visible=True)
    menu.get_by_text(re.compile("^承認$")).click()
    expect(waiting).to_have_count(0)

    reader.goto("/en/measures/8/")
    expect(reader.locator("main")).to_contain_text(ENGLISH)
