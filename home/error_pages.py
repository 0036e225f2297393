"""The site's own 404 and 500 pages, in the visitor's language, also while DEBUG is on.

With DEBUG off Django already answers with templates/404.html and 500.html. With DEBUG on (the
default `make run`) it would show its technical pages instead, which a visitor trying the site
must never see; this middleware answers with the site's pages then too, and logs the traceback
of a 500 so that the developer still has it.
"""

import logging

from django.conf import settings
from django.http import Http404
from django.views import defaults

logger = logging.getLogger("django.request")

# The CMS and the API keep Django's own answers.
UNTHEMED_PREFIXES = ("/admin/", "/api/", "/django-admin/")


class ThemedErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A URL that matched no view at all gets Django's technical 404 page under DEBUG.
        if (
            settings.DEBUG
            and response.status_code == 404
            and getattr(request, "resolver_match", None) is None
            and not request.path.startswith(UNTHEMED_PREFIXES)
        ):
            return defaults.page_not_found(request, Http404(request.path))
        return response

    def process_exception(self, request, exception):
        if not settings.DEBUG or request.path.startswith(UNTHEMED_PREFIXES):
            return None
        if isinstance(exception, Http404):
            return defaults.page_not_found(request, exception)
        logger.error("Server error: %s", request.path, exc_info=exception)
        return defaults.server_error(request)
