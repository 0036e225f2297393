"""The edit form as a browser posts it, for tests of what broke only in a real browser.

tests.admin_forms reads the controls the server renders. A browser sends two things more: the
management form of Wagtail's comments formset, which the admin's script (comments.js) builds
and which is therefore in no HTML the server renders, and CRLF line breaks in every textarea
(without the newline that follows the opening <textarea> tag, which HTML parsing drops).
"""

import json

from bs4 import BeautifulSoup
from django.urls import reverse

from tests.admin_forms import form_data

PAGE_EDIT_FORM = "form#page-edit-form"

# What comments.js adds to the edit form when nobody has written a comment.
COMMENTS_MANAGEMENT_FORM = {
    "comments-TOTAL_FORMS": "0",
    "comments-INITIAL_FORMS": "0",
    "comments-MIN_NUM_FORMS": "0",
    "comments-MAX_NUM_FORMS": "",
}


def textarea_names(html, form_selector=PAGE_EDIT_FORM):
    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    return {control["name"] for control in form.select("textarea[name]")}


def as_typed(value):
    """A textarea's rendered text as the browser holds it: no leading newline, \\n breaks."""
    value = value.replace("\r\n", "\n")
    return value[1:] if value.startswith("\n") else value


def browser_edit_data(client, page, **changes):
    """The page's edit form as the logged-in user's browser would post it, with changes."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    data = form_data(html, PAGE_EDIT_FORM)
    textareas = textarea_names(html)
    for name in textareas & data.keys():
        if isinstance(data[name], str):
            data[name] = as_typed(data[name])
    data.update(changes)
    for name in textareas & data.keys():
        if isinstance(data[name], str):
            data[name] = data[name].replace("\n", "\r\n")
    data.update(COMMENTS_MANAGEMENT_FORM)
    return data


def post_browser_edit(client, page, data, **headers):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, **headers)


def save_draft(client, page, **changes):
    return post_browser_edit(client, page, browser_edit_data(client, page, **changes))


def submit_for_review(client, page, **changes):
    data = browser_edit_data(client, page, **changes)
    data["action-submit"] = "1"
    return post_browser_edit(client, page, data)


def workflow_action_fields(action, comment=""):
    """The hidden inputs the admin adds to the edit form when a workflow action is chosen."""
    return {
        "action-workflow-action": "true",
        "workflow-action-name": action,
        "workflow-action-extra-data": json.dumps({"comment": comment}),
    }


def edit_view_action(client, page, action, comment="", **changes):
    """A workflow action taken from the edit view: the whole form, posted with the action."""
    data = {**browser_edit_data(client, page, **changes), **workflow_action_fields(action, comment)}
    return post_browser_edit(client, page, data)
