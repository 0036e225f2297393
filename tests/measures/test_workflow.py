"""The review workflow through the admin: draft → 情報政策課 review → published."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from editorial.tasks import publish_scheduled
from tests.factories import UserFactory
from tests.measures.workflow_steps import (
    ADDITION,
    DENIED,
    edit_data,
    login,
    outcome,
    post_edit,
    public_text,
    submit,
    workflow_action,
)

pytestmark = pytest.mark.django_db


def current_state(page):
    return (
        WorkflowState.objects.filter(base_content_type__model="page", object_id=str(page.pk))
        .order_by("-created_at")
        .first()
    )


def second_reviewer():
    from django.contrib.auth.models import Group

    from editorial import roles

    user = UserFactory(username="reviewer-2")
    user.groups.add(Group.objects.get(name=roles.REVIEWERS))
    return user


def test_editor_submission_stays_private_until_the_reviewer_approves(client, measure):
    page = measure(6)
    login(client, "editor-joho")
    assert submit(client, page).status_code == 302
    assert current_state(page).status == WorkflowState.STATUS_IN_PROGRESS
    assert ADDITION.strip() not in public_text(client, page)

    login(client, "reviewer")
    assert workflow_action(client, page, "approve").status_code == 302

    assert current_state(page).status == WorkflowState.STATUS_APPROVED
    assert ADDITION.strip() in public_text(client, page)


def test_reject_fix_resubmit_approve_round_trip(client, measure):
    page = measure(8)
    login(client, "editor-nosei")
    submit(client, page, note="初回の修正")

    login(client, "reviewer")
    response = workflow_action(client, page, "reject", comment="実績の数字を確認してください。")
    assert response.status_code == 302
    state = current_state(page)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "実績の数字を確認してください。"

    login(client, "editor-nosei")
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "実績の数字を確認してください。" in edit_page
    assert (
        submit(client, page, note="数字を直しました", content=page.content + ADDITION).status_code
        == 302
    )
    assert current_state(page).pk == state.pk
    assert current_state(page).status == WorkflowState.STATUS_IN_PROGRESS

    login(client, "reviewer")
    workflow_action(client, page, "approve", comment="確認しました。")
    page.refresh_from_db()
    assert current_state(page).status == WorkflowState.STATUS_APPROVED
    assert ADDITION.strip() in page.content
    assert "数字を直しました" in public_text(client, page)


def test_rejection_without_a_comment_is_refused(client, measure):
    page = measure(8)
    login(client, "editor-nosei")
    submit(client, page)

    login(client, "reviewer")
    workflow_action(client, page, "reject", comment="  ")
    assert current_state(page).status == WorkflowState.STATUS_IN_PROGRESS

    # the same action posted through the edit view, where Wagtail passes no form
    data = edit_data(page)
    data.update({"action-workflow-action": "1", "workflow-action-name": "reject"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 403
    assert current_state(page).status == WorkflowState.STATUS_IN_PROGRESS


def test_reviewer_cannot_approve_a_change_they_made(client, measure):
    page = measure(6)
    login(client, "reviewer")
    submit(client, page)

    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "あなたは承認できません" in edit_page
    assert 'value="approve"' not in edit_page
    assert outcome(workflow_action(client, page, "approve")) == DENIED
    data = edit_data(page)
    data.update({"action-workflow-action": "1", "workflow-action-name": "approve"})
    assert client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).status_code == 403
    assert current_state(page).status == WorkflowState.STATUS_IN_PROGRESS
    assert ADDITION.strip() not in public_text(client, page)

    client.force_login(second_reviewer())
    assert workflow_action(client, page, "approve").status_code == 302
    assert ADDITION.strip() in public_text(client, page)


def test_reviewer_who_edited_during_review_cannot_approve(client, measure):
    page = measure(8)
    login(client, "editor-nosei")
    submit(client, page)
    login(client, "reviewer")
    assert post_edit(client, page, situation=page.situation + "（審査者が加筆）").status_code == 302

    assert outcome(workflow_action(client, page, "approve")) == DENIED


def test_submitter_can_withdraw_while_it_waits(client, measure):
    page = measure(8)
    login(client, "editor-nosei")
    submit(client, page)

    post_edit(client, page, "action-cancel-workflow")

    assert current_state(page).status == WorkflowState.STATUS_CANCELLED
    assert ADDITION.strip() not in public_text(client, page)


@pytest.mark.parametrize("username", ["editor-nosei", "reviewer"])
def test_forged_publish_is_refused(client, measure, username):
    page = measure(8)
    login(client, username)
    before = page.latest_revision_id

    response = post_edit(client, page, "action-publish", situation=page.situation + ADDITION)

    assert response.status_code == 403
    page.refresh_from_db()
    assert page.latest_revision_id == before
    assert ADDITION.strip() not in public_text(client, page)


def test_no_publish_button_for_editors_and_reviewers(client, measure):
    page = measure(8)
    for username in ["editor-nosei", "reviewer"]:
        login(client, username)
        html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert 'name="action-publish"' not in html
        assert 'name="action-submit"' in html


def test_scheduled_publishing_runs_from_the_celery_task(client, measure):
    page = measure(8)
    go_live = timezone.now() + timedelta(days=1)
    login(client, "editor-nosei")
    submit(client, page, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    login(client, "reviewer")
    workflow_action(client, page, "approve")

    page.refresh_from_db()
    assert page.scheduled_revision is not None
    publish_scheduled.delay()
    assert ADDITION.strip() not in public_text(client, page)

    # a day later: the approved revision's go-live time has passed
    revision = page.scheduled_revision
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    publish_scheduled.delay()
    assert ADDITION.strip() in public_text(client, page)
