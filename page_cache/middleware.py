"""Anonymous GET/HEAD answers of the public pages, from Django's cache.

Placed near the top of MIDDLEWARE: a hit skips the session, language, CSRF and CSP middleware
and the view; what a miss stores already carries the headers those added (CSP, framing).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.translation import get_language_from_path

from accessibility.reading_aids import AIDS, chosen
from page_cache.purge import generation

PAGE_PREFIX = "page_cache:page:"
# Cookies that leave a public page as it is (the reading aids are part of the key, and the CSRF
# cookie matters only to a form, whose page then says Vary: Cookie). Any other cookie (a staff
# session, a message for the visitor) means the answer is someone's own.
NEUTRAL_COOKIES = {*AIDS, settings.CSRF_COOKIE_NAME}
# Paths under a language prefix that are not pages for everyone: the feedback form (with its
# CSRF token), the report's PDF (a file, rebuilt after each publication in the background).
NOT_CACHED = ("feedback/", "report.pdf")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request)
        if key is None:
            return self.get_response(request)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content, headers=headers)
            response["X-Cache"] = "HIT"
            return response
        response = self.get_response(request)
        if request.method == "GET" and storable(response):
            # nginx keeps it as long (deploy/nginx/): bounded, for a request that rendered the
            # old page while a purge ran (see page_cache/__init__.py).
            response["X-Accel-Expires"] = str(settings.PROXY_CACHE_SECONDS)
            cache.set(
                key, (response.content, list(response.headers.items())), settings.PAGE_CACHE_SECONDS
            )
            response["X-Cache"] = "MISS"
        return response


def cache_key(request):
    """The cache key of the request's answer, or None where it must not come from the cache."""
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return None
    language = get_language_from_path(request.path_info)
    if language is None or request.path_info.startswith(
        tuple(f"/{language}/{path}" for path in NOT_CACHED)
    ):
        return None  # the admin, /healthz, the API, documents, the reading-aid view…
    if set(request.COOKIES) - NEUTRAL_COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return None
    try:
        host = request.get_host()  # absolute URLs in a page (plan.json) are the request's
    except DisallowedHost:
        return None  # Django answers 400 for it
    variant = [
        generation(request.path),
        request.scheme,
        host,
        request.path,
        request.META.get("QUERY_STRING", ""),
        language,
        # The choice as the page applies it: a cookie with an unknown value is the default.
        *(chosen(request, aid) for aid in AIDS.values()),
    ]
    return PAGE_PREFIX + hashlib.sha256("\n".join(variant).encode()).hexdigest()


def storable(response):
    """Whether the answer is the same for every anonymous visitor asking the same."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    # Vary: Cookie is no reason: the templates read request.user, which touches the session, but
    # a request with a session cookie never gets here, and one whose page used the CSRF token
    # gets that cookie set (above).
    if "*" in response.get("Vary", ""):
        return False
    # A nonce must differ per response: a page carrying one cannot be given to another visitor.
    return "'nonce-" not in response.get("Content-Security-Policy", "")
