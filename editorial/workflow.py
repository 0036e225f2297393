"""Guards of the review workflow in the admin's edit views (pages and snippets).

Wagtail's edit views quietly fall back to saving a draft when a POST asks for something the user
may not do (publishing without the right, a workflow action not offered to them). Here such a
request is refused outright with 403, and a reviewer looking at their own change is told why
they cannot approve it. The hooks return the 403 response themselves: Wagtail's admin would turn
a PermissionDenied into a redirect to the dashboard.
"""

import json

from django.http import HttpResponseForbidden
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.models import AbstractPage, TaskState, WorkflowState
from wagtail.permissions import policy_registry


def user_can_publish(user, obj):
    if isinstance(obj, AbstractPage):
        return obj.permissions_for_user(user).can_publish()
    return policy_registry.get_by_type(type(obj)).user_has_permission(user, "publish")


def workflow_action_is_allowed(request, obj):
    """The action is offered to this user now, with the data its form requires."""
    task = obj.current_workflow_task
    if task is None:
        return True
    name = request.POST.get("workflow-action-name")
    if name not in {action[0] for action in task.get_actions(obj, request.user)}:
        return False
    try:
        data = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        return False
    form_class = task.get_form_for_action(name)
    return form_class is None or form_class(data).is_valid()


def beyond_rights(request, obj):
    if "action-publish" in request.POST and not user_can_publish(request.user, obj):
        return True
    return "action-workflow-action" in request.POST and not workflow_action_is_allowed(request, obj)


def explain_refused_approval(request, obj):
    task = obj.current_workflow_task
    reason = getattr(task, "approval_refused_reason", None) if task else None
    if reason and (message := reason(obj, request.user)):
        messages.warning(request, message)


def requested_changes(obj):
    """The rejected review step of a change sent back to its editor, or None."""
    state = getattr(obj, "current_workflow_state", None)
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return None
    return task_state


def show_requested_changes(request, obj):
    """The reviewer's reason for sending the change back, at the top of the edit view."""
    task_state = requested_changes(obj)
    if task_state is None:
        return
    finished_at = timezone.localtime(task_state.finished_at or task_state.started_at)
    messages.warning(
        request,
        _("%(reviewer)s が %(date)s に差し戻しました。理由: %(comment)s")
        % {
            "reviewer": get_user_display_name(task_state.finished_by) or _("審査者"),
            "date": date_format(finished_at, "DATETIME_FORMAT"),
            "comment": task_state.comment,
        },
    )


def may_change(user, obj):
    """Snippet policies may narrow "change" per object (the glossary's department scoping)."""
    if isinstance(obj, AbstractPage):
        return True
    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_permission_for_instance(user, "change", obj)


# What makes a POST to the edit view more than a save of the draft.
ACTION_FIELDS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-cancel-workflow",
    "action-workflow-action",
    "workflow-action-name",
    "workflow-action-extra-data",
)


def is_autosave(request):
    """The edit view's background save (a fetch that wants JSON, not a page)."""
    return request.method == "POST" and not request.accepts("text/html")


def save_only(request):
    """An autosave only saves the draft.

    The admin adds a workflow action to the edit form as hidden inputs just before submitting
    it; an autosave that starts in that moment sends them too, and would repeat the action
    (a second rejection while the first is being recorded). The action belongs to the form
    submission alone, so the autosave's copy of it is dropped.
    """
    if any(name in request.POST for name in ACTION_FIELDS):
        data = request.POST.copy()
        for name in ACTION_FIELDS:
            data.pop(name, None)
        request.POST = data


def guard_edit(request, obj):
    """before_edit_page / before_edit_snippet."""
    if not may_change(request.user, obj):
        return HttpResponseForbidden()
    if is_autosave(request):
        save_only(request)
    if request.method == "POST":
        return HttpResponseForbidden() if beyond_rights(request, obj) else None
    if getattr(obj, "workflow_in_progress", False):
        explain_refused_approval(request, obj)
    show_requested_changes(request, obj)
    return None


def guard_create(request, can_publish):
    """before_create_page / before_create_snippet: no publishing on creation without the right."""
    if request.method == "POST" and "action-publish" in request.POST and not can_publish:
        return HttpResponseForbidden()
    return None
