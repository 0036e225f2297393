"""Workflow e-mails, replacing Wagtail's own.

Wagtail sends its workflow e-mails synchronously inside the request, and a mail server failure
there is only logged. Here each e-mail is rendered when the workflow moves, recorded in the outbox
(editorial.outbox) under a key naming the task state, the kind of mail and the recipient, and
handed to a Celery task (editorial.tasks) once the transaction has committed: the task retries on
SMTP and connection errors, never sends a recorded mail twice, and no failure can undo or block
the workflow action itself.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_user_display_name
from wagtail.models import AbstractGroupApprovalTask, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile

from editorial.tasks import queue_mail

# Wagtail's own notifiers are connected under these ids (wagtail.admin.signal_handlers).
WAGTAIL_NOTIFIERS = {
    "task_submitted": "group_approval_task_submitted_email_notification",
    "workflow_submitted": "workflow_state_submitted_email_notification",
    "workflow_rejected": "workflow_state_rejected_email_notification",
    "workflow_approved": "workflow_state_approved_email_notification",
}


def admin_url(obj):
    path = AdminURLFinder().get_edit_url(obj) or reverse("wagtailadmin_home")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def wants(user, notification):
    """Active, with an address, and not opted out of this kind of mail in their admin profile."""
    return (
        user.is_active
        and bool(user.email)
        and getattr(UserProfile.get_for_user(user), f"{notification}_notifications")
    )


def queue_email(recipient, notification, context, task_state):
    """Render the mail in the recipient's language; send it by Celery after the commit, once."""
    with override(UserProfile.get_for_user(recipient).get_preferred_language()):
        context = {**context, "recipient": get_user_display_name(recipient)}
        subject = render_to_string(f"editorial/notifications/{notification}_subject.txt", context)
        body = render_to_string(f"editorial/notifications/{notification}.txt", context)
    queue_mail(
        key=f"workflow:{task_state.pk}:{notification}:{recipient.pk}",
        to=recipient.email,
        subject=" ".join(subject.split()),
        body=body.strip(),
    )


def object_context(workflow_state, revision):
    draft = revision.as_object()
    return {
        "title": str(draft),
        "model_name": draft._meta.verbose_name,
        "workflow": workflow_state.workflow.name,
        "change_note": getattr(draft, "change_note", ""),
        "url": admin_url(workflow_state.content_object),
    }


def notify_reviewers(sender, instance, user=None, **kwargs):
    """A change waits for review: every reviewer of the task's groups hears of it."""
    task = instance.task.specific
    if not isinstance(task, AbstractGroupApprovalTask):
        return
    reviewers = (
        get_user_model()
        .objects.filter(groups__in=task.groups.all())
        .exclude(pk=getattr(user, "pk", None))
        .distinct()
    )
    context = {
        **object_context(instance.workflow_state, instance.revision),
        "task": task.name,
        "submitter": get_user_display_name(user) if user else "",
    }
    for reviewer in reviewers:
        if wants(reviewer, "submitted"):
            queue_email(reviewer, "submitted", context, instance)


def notify_submitter(notification, instance, user=None):
    """The reviewer decided: the person who submitted hears of it, with the reviewer's comment."""
    submitter = instance.requested_by
    if submitter is None or submitter == user or not wants(submitter, notification):
        return
    task_state = instance.current_task_state
    context = {
        **object_context(instance, task_state.revision),
        "task": task_state.task.name,
        "reviewer": get_user_display_name(user) if user else "",
        "comment": task_state.comment,
    }
    queue_email(submitter, notification, context, task_state)


def notify_approved(sender, instance, user=None, **kwargs):
    notify_submitter("approved", instance, user)


def notify_rejected(sender, instance, user=None, **kwargs):
    notify_submitter("rejected", instance, user)


def superseded(sender, instance, user=None, **kwargs):
    """Wagtail mails superusers on every submission; the reviewers' mail above replaces it."""


def connect():
    """Take over the signal slots of Wagtail's notifiers.

    Our receivers are connected under Wagtail's dispatch_uids, from this app's ready(), which runs
    before wagtail.admin's (measures comes first in INSTALLED_APPS): Wagtail's later connect()
    with the same uid is then a no-op, so its synchronous e-mails are never sent.
    """
    task_submitted.connect(
        notify_reviewers, sender=TaskState, dispatch_uid=WAGTAIL_NOTIFIERS["task_submitted"]
    )
    workflow_submitted.connect(
        superseded, sender=WorkflowState, dispatch_uid=WAGTAIL_NOTIFIERS["workflow_submitted"]
    )
    workflow_approved.connect(
        notify_approved, sender=WorkflowState, dispatch_uid=WAGTAIL_NOTIFIERS["workflow_approved"]
    )
    workflow_rejected.connect(
        notify_rejected, sender=WorkflowState, dispatch_uid=WAGTAIL_NOTIFIERS["workflow_rejected"]
    )
