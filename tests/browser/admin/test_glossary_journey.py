"""A glossary term changes through the same review as the measures.

editor-joho (情報政策課, which looks after the glossary) finds the term オープンデータ in the
snippet listing, adds a sentence to its definition and submits it; the public glossary keeps the
old text until the reviewer approves; then it shows the new one.
"""

import re

from playwright.sync_api import expect

from tests.browser.admin.steps import APPROVE_AND_PUBLISH, open_footer_menu, submit_for_review

TERM = "オープンデータ"
ADDITION = "小山市は統計や施設の一覧を公開しています。"


def open_term(page):
    """Find the term in the glossary's snippet listing and open the Japanese one's editor.

    The listing holds every language's terms, and untranslated ones still read オープンデータ,
    so the row is the one whose language column says 日本語."""
    page.goto("/admin/snippets/glossary/glossaryterm/")
    page.get_by_role("textbox", name="検索").last.fill(TERM)
    page.keyboard.press("Enter")
    japanese = page.get_by_role("row").filter(has_text="日本語")
    japanese.get_by_role("link", name=TERM, exact=True).first.click()


def test_glossary_term_is_reviewed_before_it_changes(staff, reader):
    editor = staff("editor-joho")
    open_term(editor)
    definition = editor.locator("textarea[name=definition]")
    definition.fill(definition.input_value() + ADDITION)
    submit_for_review(editor, back_to=r"/admin/snippets/glossary/glossaryterm/")

    reader.goto("/ja/glossary/")
    expect(reader.locator("main")).not_to_contain_text(ADDITION)

    reviewer = staff("reviewer")
    open_term(reviewer)
    open_footer_menu(reviewer)
    reviewer.get_by_role("button", name=APPROVE_AND_PUBLISH).click()
    expect(reviewer).to_have_url(re.compile(r"/admin/snippets/glossary/glossaryterm/"))

    reader.goto("/ja/glossary/")
    expect(reader.locator("main")).to_contain_text(ADDITION)
