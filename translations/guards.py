"""wagtail-localize's shortcuts past review, kept for those who may publish.

Two of its admin views change what readers see without a review: "Convert to alias page"
replaces a published translation with the Japanese page at once (and deletes the translation),
and "Sync translated pages" with "Publish immediately" publishes every translation's current
strings. Both count as publishing here: a user who may not publish the page gets a 403, and
the menu item is not offered to them. Syncing without publishing stays open to translators.
"""

from django.http import HttpResponseForbidden
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from editorial.workflow import user_can_publish

CONVERT_TO_ALIAS = "wagtail_localize:convert_to_alias"
UPDATE_TRANSLATIONS = "wagtail_localize:update_translations"
CONVERT_MENU_ITEM = "localize-convert-to-alias"


def may_convert_to_alias(user, page_id):
    page = Page.objects.filter(pk=page_id).first()
    return page is None or user_can_publish(user, page)


def may_publish_all_translations(user, source_id):
    source = TranslationSource.objects.filter(pk=source_id).first()
    if source is None:
        return True
    model = source.specific_content_type.model_class()
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        target = model._default_manager.filter(
            translation_key=source.object_id, locale=translation.target_locale
        ).first()
        if target is not None and not user_can_publish(user, target):
            return False
    return True


def refused(request, match):
    if match.view_name == CONVERT_TO_ALIAS:
        return not may_convert_to_alias(request.user, match.kwargs.get("page_id"))
    if match.view_name == UPDATE_TRANSLATIONS and request.method == "POST":
        publishing = request.POST.get("publish_translations") in {"on", "true", "1"}
        return publishing and not may_publish_all_translations(
            request.user, match.kwargs.get("translation_source_id")
        )
    return False


class TranslationPublishGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.user.is_authenticated and match and refused(request, match):
            return HttpResponseForbidden()
        return None
