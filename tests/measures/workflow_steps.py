"""The steps of the review workflow as staff take them in the admin, for the workflow tests."""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.admin_forms import page_edit_data

ADDITION = "\n\nこの施策の進め方を見直しました。"

# Wagtail's admin refuses a request it does not allow by redirecting to the dashboard.
DENIED = "denied"


def outcome(response):
    """The status code, or DENIED for the admin's refusal redirect."""
    if response.status_code == 302 and response.url == reverse("wagtailadmin_home"):
        return DENIED
    return response.status_code


def login(client, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    return user


def edit_data(page, **changes):
    """The page's edit form as an administrator sees it, with changes: to post as anyone."""
    admin = Client()
    login(admin, "admin")
    return page_edit_data(admin, page, **changes)


def post_edit(client, page, action=None, **changes):
    data = edit_data(page, **changes)
    if action:
        data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def submit(client, page, note="見直しの内容を追記しました。", **changes):
    changes.setdefault("situation", page.situation + ADDITION)
    return post_edit(client, page, "action-submit", change_note=note, **changes)


def workflow_action(client, page, action, comment=""):
    page.refresh_from_db()
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, page.current_workflow_task_state.pk],
    )
    return client.post(url, {"comment": comment})


def public_text(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()
