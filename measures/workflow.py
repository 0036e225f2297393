"""Guards of the review workflow in the admin's edit views (pages and snippets).

Wagtail's edit views quietly fall back to saving a draft when a POST asks for something the user
may not do (publishing without the right, a workflow action not offered to them). Here such a
request is refused outright with 403, and a reviewer looking at their own change is told why
they cannot approve it. The hooks return the 403 response themselves: Wagtail's admin would turn
a PermissionDenied into a redirect to the dashboard.
"""

import json

from django.http import HttpResponseForbidden
from wagtail.admin import messages
from wagtail.models import AbstractPage
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


def guard_edit(request, obj):
    """before_edit_page / before_edit_snippet."""
    if request.method == "POST":
        return HttpResponseForbidden() if beyond_rights(request, obj) else None
    if getattr(obj, "workflow_in_progress", False):
        explain_refused_approval(request, obj)
    return None


def guard_create(request, can_publish):
    """before_create_page / before_create_snippet: no publishing on creation without the right."""
    if request.method == "POST" and "action-publish" in request.POST and not can_publish:
        return HttpResponseForbidden()
    return None
