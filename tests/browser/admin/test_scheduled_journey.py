"""A change approved for later goes live at its scheduled time, not at approval.

editor-joho sets a publishing time a minute ahead on measure 14 and submits the change; the
reviewer approves it; readers still see the old text; once the time has passed, the scheduler
(manage.py publish_scheduled, which Celery beat runs every minute) publishes it.
"""

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from playwright.sync_api import expect

from tests.browser.admin.steps import (
    APPROVE_AND_PUBLISH,
    BACK_TO_LISTING,
    open_footer_menu,
    submit_for_review,
)

ADDITION = "令和6年度から、庁内の会議資料をすべて電子化します。"


def test_approved_change_goes_live_at_its_scheduled_time(staff, reader, page_id, manage):
    measure = page_id("ja", 14)
    go_live = datetime.now(ZoneInfo(settings.TIME_ZONE)).replace(second=0, microsecond=0)
    go_live += timedelta(minutes=2)

    editor = staff("editor-joho")
    editor.goto(f"/admin/pages/{measure}/edit/")
    content = editor.locator("textarea[name=content]")
    content.fill(content.input_value() + "\n" + ADDITION)
    editor.locator("[data-side-panel-toggle='status']").click()
    editor.get_by_role("button", name="公開予定を設定").click()
    schedule = editor.get_by_role("dialog").filter(visible=True)
    schedule.locator("input[name=go_live_at]").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    # Typing opens a date picker over the dialog's button: a keyboard user presses it instead.
    schedule.get_by_role("button", name="公開予定を保存").press("Enter")
    submit_for_review(editor)

    reviewer = staff("reviewer")
    reviewer.goto(f"/admin/pages/{measure}/edit/")
    open_footer_menu(reviewer)
    reviewer.get_by_role("button", name=APPROVE_AND_PUBLISH).click()
    expect(reviewer).to_have_url(BACK_TO_LISTING)

    reader.goto("/ja/measures/14/")
    expect(reader.locator("main")).not_to_contain_text(ADDITION)
    manage("publish_scheduled")
    reader.reload()
    expect(reader.locator("main")).not_to_contain_text(ADDITION)

    time.sleep(max(0, (go_live - datetime.now(go_live.tzinfo)).total_seconds()) + 1)
    manage("publish_scheduled")
    reader.reload()
    expect(reader.locator("main")).to_contain_text(ADDITION)
