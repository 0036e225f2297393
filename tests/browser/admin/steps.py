"""What staff click in the admin, named for what they do."""

import re

from playwright.sync_api import expect

REJECT = re.compile("^差し戻す$")
APPROVE_AND_PUBLISH = re.compile("^承認して公開$")
BACK_TO_LISTING = re.compile(r"/admin/pages/\d+/$")


def open_footer_menu(page):
    """The edit view's footer: save draft, and the menu with every other action."""
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()


def submit_for_review(editor, back_to=BACK_TO_LISTING):
    """Submit (or resubmit) the draft from the edit view's menu; the admin returns to a listing."""
    open_footer_menu(editor)
    editor.get_by_role("button", name=re.compile("審査」?に(再)?提出")).click()
    expect(editor).to_have_url(re.compile(back_to) if isinstance(back_to, str) else back_to)
