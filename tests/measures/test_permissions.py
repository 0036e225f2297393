"""Department scoping, through the admin's HTTP views: role × action × own/other department.

editor-nosei works in 農政課 (measure 8 only), editor-joho in 情報政策課 (measure 6, and 1 among
others); reviewers and administrators reach every measure. A measure of another department is
refused with 403 whatever the request; within reach, what a role may not do is refused the way
Wagtail's admin refuses (DENIED), except a forged publish, which is a 403 as well.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from measures.models import MeasureIndexPage
from tests.measures.workflow_steps import (
    DENIED,
    edit_data,
    login,
    outcome,
    submit,
    workflow_action,
)

pytestmark = pytest.mark.django_db

# The four positions of the matrix: (username, measure number).
POSITIONS = {
    "editor_own": ("editor-nosei", 8),
    "editor_other": ("editor-nosei", 1),
    "reviewer": ("reviewer", 1),
    "admin": ("admin", 1),
}


def get(url_name, *extra):
    """A GET of the page's admin URL; extra args are functions of the page."""
    return lambda client, page: client.get(
        reverse(url_name, args=[page.pk, *(arg(page) for arg in extra)])
    )


def post_edit_form(**fields):
    def request(client, page):
        data = {**edit_data(page, situation=page.situation + "（追記）"), **fields}
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    return request


def post_lock(client, page):
    return client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))


def latest(page):
    return page.latest_revision_id


# action: (request, expected outcome for editor_own, editor_other, reviewer, admin)
ACTIONS = {
    "edit": (get("wagtailadmin_pages:edit"), (200, 403, 200, 200)),
    "save draft": (post_edit_form(), (302, 403, 302, 302)),
    "submit": (post_edit_form(**{"action-submit": "1"}), (302, 403, 302, 302)),
    "forged publish": (post_edit_form(**{"action-publish": "1"}), (403, 403, 403, 302)),
    "preview draft": (get("wagtailadmin_pages:view_draft"), (200, 403, 200, 200)),
    "view revision": (get("wagtailadmin_pages:revisions_view", latest), (200, 403, 200, 200)),
    "revert form": (get("wagtailadmin_pages:revisions_revert", latest), (200, 403, 200, 200)),
    "compare revisions": (
        get("wagtailadmin_pages:revisions_compare", lambda p: "earliest", lambda p: "latest"),
        (200, 403, 200, 200),
    ),
    "history": (get("wagtailadmin_pages:history"), (200, 403, 200, 200)),
    "workflow history": (get("wagtailadmin_pages:workflow_history"), (200, 403, 200, 200)),
    "review timeline": (get("editorial_page_history"), (200, 403, 200, 200)),
    "lock": (post_lock, (DENIED, 403, 302, 302)),
    "copy": (get("wagtailadmin_pages:copy"), (200, 403, 200, 200)),
    "move": (get("wagtailadmin_pages:move"), (DENIED, 403, DENIED, 200)),
    "delete": (get("wagtailadmin_pages:delete"), (DENIED, 403, DENIED, 200)),
    "unpublish": (get("wagtailadmin_pages:unpublish"), (DENIED, 403, DENIED, 200)),
}


@pytest.mark.parametrize("position", list(POSITIONS))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_page_actions(client, measure, action, position):
    username, number = POSITIONS[position]
    request, expected = ACTIONS[action]
    login(client, username)

    response = request(client, measure(number))

    assert outcome(response) == expected[list(POSITIONS).index(position)]


@pytest.mark.parametrize(
    ("username", "expected"),
    [("editor-joho", 403), ("editor-nosei", DENIED), ("reviewer", 302), ("admin", 302)],
)
@pytest.mark.parametrize("action", ["approve", "reject"])
def test_workflow_actions(client, measure, username, expected, action):
    page = measure(8)
    submitter = Client()
    login(submitter, "editor-nosei")
    submit(submitter, page)
    login(client, username)

    response = workflow_action(client, page, action, comment="確認してください。")

    assert outcome(response) == expected
    state = WorkflowState.objects.get(object_id=str(page.pk), base_content_type__model="page")
    assert (state.status != WorkflowState.STATUS_IN_PROGRESS) == (expected == 302)


def test_workflow_action_modal_is_refused_for_another_department(client, measure):
    page = measure(8)
    login(client, "editor-nosei")
    submit(client, page)
    page.refresh_from_db()
    login(client, "editor-joho")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "reject", page.current_workflow_task_state.pk],
    )
    assert client.get(url).status_code == 403


def test_explorer_lists_only_the_editors_measures(client, measure):
    index = MeasureIndexPage.objects.get(locale__language_code="ja")
    login(client, "editor-nosei")
    html = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[measure(8).pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[measure(1).pk]) not in html
    assert measure(1).title not in html

    login(client, "reviewer")
    html = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[measure(1).pk]) in html


def test_admin_search_hides_other_departments(client, measure):
    login(client, "editor-nosei")
    html = client.get(
        reverse("wagtailadmin_pages:search"), {"q": measure(1).title}
    ).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[measure(1).pk]) not in html

    html = client.get(
        reverse("wagtailadmin_pages:search"), {"q": measure(8).title}
    ).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[measure(8).pk]) in html


def test_related_department_counts_as_own(client, measure):
    """Measure 1 lists 情報政策課 among its related departments."""
    login(client, "editor-joho")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[measure(1).pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[measure(8).pk])).status_code == 403


def test_editors_cannot_edit_pages_outside_the_measures(client, home_page):
    login(client, "editor-joho")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk]))
    assert outcome(response) == DENIED


def test_membership_change_takes_effect(client, measure):
    from measures.models import Department, DepartmentMembership

    user = login(client, "editor-nosei")
    DepartmentMembership.objects.create(
        user=user, department=Department.objects.get(name="国保年金課", locale__language_code="ja")
    )
    assert client.get(reverse("wagtailadmin_pages:edit", args=[measure(1).pk])).status_code == 200
