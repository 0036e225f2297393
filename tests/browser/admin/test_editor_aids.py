"""What the measure editor offers staff: Japanese whatever the browser's language, fiscal years as
令和, the glossary terms of the page's language with a filter."""

import re

from playwright.sync_api import expect


def test_editor_speaks_japanese_to_an_english_browser(staff, page_id):
    editor = staff("editor-joho", locale="en-US")
    editor.goto(f"/admin/pages/{page_id('ja', 6)}/edit/")
    expect(editor.locator("html")).to_have_attribute("lang", "ja")
    expect(editor.get_by_role("button", name="下書き保存")).to_be_visible()


def test_fiscal_years_and_glossary_terms_in_the_editor(staff, reader, page_id):
    reader.goto("/ja/glossary/")
    japanese_terms = reader.locator("main dt[id^=term-]").count()
    editor = staff("editor-joho")
    editor.goto(f"/admin/pages/{page_id('ja', 6)}/edit/")

    year = editor.locator("select[name='progress_reports-0-fiscal_year']")
    expect(year.locator("option:checked")).to_have_text("令和3年度 (2021)")

    terms = editor.locator("input[name=glossary_terms]")
    expect(terms).to_have_count(japanese_terms)
    editor.get_by_role("searchbox", name="絞り込み").fill("オープン")
    shown = editor.locator("#id_glossary_terms label").filter(visible=True)
    expect(shown).not_to_have_count(0)
    for text in shown.all_inner_texts():
        assert re.search("オープン", text)
