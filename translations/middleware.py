"""Telling readers that parts of the page are still in Japanese, only when they are.

Whether a page shows untranslated Japanese is known only once it is rendered (see
translations.fallbacks); the notice belongs at the top of the main content. The template marks
the spot, and this middleware fills it in or removes it after rendering.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from translations.fallbacks import shows_japanese_fallback

MARKER = b"<!--translation-notice-->"
NOTICE_TEMPLATE = "translations/notice.html"


class TranslationNoticeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming or MARKER not in response.content:
            return response
        notice = b""
        if shows_japanese_fallback(request):
            notice = render_to_string(NOTICE_TEMPLATE, request=request).strip().encode()
        response.content = response.content.replace(MARKER, notice, 1)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response


class AdminLanguageMiddleware:
    """City staff work in Japanese, whatever language their browser asks for.

    Wagtail's admin uses the language a user chose in their account, and otherwise the request's
    language, which LocaleMiddleware takes from the browser. Here an admin request starts in the
    site's default language instead, so only an explicit choice in the account changes it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("wagtailadmin_home")):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
