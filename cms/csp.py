"""The Content-Security-Policy of each part of the site (policies in cms/settings/base.py)."""

from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PATH = "/admin/"  # where cms/urls.py mounts the Wagtail admin


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's looser policy for the Wagtail admin's URLs.

    The public pages (and the embeds, which only widen frame-ancestors) get
    CONTENT_SECURITY_POLICY; /admin/ gets ADMIN_CONTENT_SECURITY_POLICY, which allows what
    Wagtail's own templates need (see the comment there).
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and _is_admin(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


def _is_admin(request):
    return request.path_info.startswith(ADMIN_PATH)
