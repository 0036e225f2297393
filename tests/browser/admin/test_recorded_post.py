"""The admin tests post forms the way a browser does: checked against a real browser's POST.

The permission matrix (tests/measures/test_permissions.py) builds its edit posts with
tests.admin_forms.form_data from the edit page's HTML. Here Chromium saves a draft of measure 15
as editor-joho; the fields it sent are compared with what form_data reads from the same page,
and the recorded POST is then replayed over HTTP for the matrix's positions: the department's
own editor saves, another department's editor and a forged publish by the reviewer get a 403.
"""

import email
import email.policy
import re
from urllib.parse import parse_qsl

from playwright.sync_api import expect

from tests.admin_forms import form_data

BUTTONS = re.compile(r"^action-")


def posted_fields(request):
    """(name, value) of every field the browser posted, in order, however it encoded them."""
    content_type = request.headers["content-type"]
    if content_type.startswith("application/x-www-form-urlencoded"):
        return parse_qsl(request.post_data, keep_blank_values=True)
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = email.message_from_bytes(head + request.post_data_buffer, policy=email.policy.HTTP)
    return [
        (part.get_param("name", header="content-disposition"), part.get_content())
        for part in message.iter_parts()
    ]


def csrf_token(page):
    page.goto("/admin/")
    return page.locator("input[name=csrfmiddlewaretoken]").first.input_value()


def replay(page, url, fields, **extra):
    """The recorded fields, posted by another logged-in user with their own CSRF token."""
    token = csrf_token(page)
    multipart = {}
    for name, value in fields:
        multipart.setdefault(name, value)
    multipart.update(csrfmiddlewaretoken=token, **extra)
    return page.request.post(url, multipart=multipart, max_redirects=0)


def test_browser_post_matches_the_test_helper_and_the_matrix(staff, page_id):
    measure = page_id("ja", 15)
    url = f"/admin/pages/{measure}/edit/"
    editor = staff("editor-joho")
    editor.goto(url)
    helper_fields = form_data(editor.content(), "form#page-edit-form")
    situation = editor.locator("textarea[name=situation]")
    situation.fill(situation.input_value() + "\n記録した送信です。")
    with editor.expect_request(lambda r: r.method == "POST" and r.url.endswith(url)) as sent:
        editor.get_by_role("button", name="下書き保存").click()
    browser_fields = posted_fields(sent.value)
    expect(editor.locator("textarea[name=situation]")).to_have_value(re.compile("記録した送信"))

    sent_names = {name for name, _value in browser_fields if not BUTTONS.match(name)}
    # An empty multiple select sends nothing, and the test client posts nothing for an empty list.
    assert sent_names == {name for name, value in helper_fields.items() if value != []}

    own = replay(editor, url, browser_fields)
    assert own.status == 302
    other_department = replay(staff("editor-nosei"), url, browser_fields)
    assert other_department.status == 403
    forged_publish = replay(staff("reviewer"), url, browser_fields, **{"action-publish": "1"})
    assert forged_publish.status == 403
