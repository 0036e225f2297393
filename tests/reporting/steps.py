"""Staff steps the reporting tests share: an editor's change approved through the review."""

from django.contrib.auth import get_user_model

from measures.importer.proposals import submit_for_review
from measures.models import DepartmentMembership, ProgressReport
from tests.factories import UserFactory


def department_editor(page, username="editor-for-tests"):
    """A member of the editors' group in page's lead department."""
    from django.contrib.auth.models import Group

    from editorial import roles

    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    DepartmentMembership.objects.get_or_create(user=user, department=page.lead_department)
    return user


def submit_change(page, user, change):
    """Save a draft of page changed by change(draft) as user and submit it for review."""
    # Read afresh: an object loaded before a later revision still points at the older one.
    draft = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    change(draft)
    submit_for_review(draft, user)
    return draft


def approve(page, username="reviewer"):
    page.refresh_from_db()
    reviewer = get_user_model().objects.get(username=username)
    page.current_workflow_task_state.task.specific.on_action(
        page.current_workflow_task_state, reviewer, "approve"
    )
    page.refresh_from_db()
    return page


def add_report(draft, fiscal_year, **fields):
    reports = list(draft.progress_reports.all())
    reports.append(ProgressReport(fiscal_year=fiscal_year, sort_order=len(reports), **fields))
    draft.progress_reports = reports
