"""A 403 for any admin request that names a page outside the user's reach.

Wagtail's admin answers a refused request with a redirect to the dashboard and a message. For a
page the user may not even see in the explorer (for an editor, a measure of another department)
the request is refused here, before the view runs, with a plain 403.
"""

from django.http import HttpResponseForbidden
from django.urls import reverse
from wagtail.models import Page
from wagtail.permissions import policy_registry

PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id")


def named_page_id(match):
    for name in PAGE_KWARGS:
        if name in match.kwargs:
            return match.kwargs[name]
    if match.namespace == "wagtailadmin_pages" and "pk" in match.kwargs:
        return match.kwargs["pk"]
    return None


def in_admin(request):
    return request.path.startswith(reverse("wagtailadmin_home"))


def outside_scope(user, page_id):
    explorable = policy_registry.get_by_type(Page).explorable_instances(user)
    return Page.objects.filter(pk=page_id).exists() and not explorable.filter(pk=page_id).exists()


class DepartmentScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated or not in_admin(request):
            return None
        page_id = named_page_id(request.resolver_match)
        if page_id is not None and outside_scope(request.user, page_id):
            return HttpResponseForbidden()
        return None
