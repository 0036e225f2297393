"""Translated pages and the review workflow.

A translated page is a page of its own in Wagtail, so it falls under the same workflow as the
Japanese pages (the one bootstrap_site assigns to the whole tree) and, for measures, the same
department scoping of editors (editorial.permissions matches departments across languages).
wagtail-localize's own editor can only publish straight away, which only administrators may;
editors send their translation to review instead: the translated strings become a draft
revision and the page's workflow starts. The live page changes when a reviewer approves.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class NothingToReview(Exception):
    """The page is not a synchronised translation, or no workflow covers it."""


def synchronised_translation(page):
    """The enabled wagtail-localize Translation whose target is page, or None."""
    if page.locale_id == Locale.get_default().pk:
        return None
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def can_submit(page, user):
    return synchronised_translation(page) is not None and (
        page.permissions_for_user(user).can_edit()
    )


def submit_for_review(page, user):
    """Save the translation's current strings as a draft revision of page and start its
    workflow. The live page is untouched until the draft is approved."""
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    translation = synchronised_translation(page)
    workflow = page.get_workflow()
    if translation is None or workflow is None:
        raise NothingToReview
    # save_target(publish=False) would also write the draft into the live page's row.
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    draft.save_revision(user=user, log_action=True)
    return workflow.start(draft, user)


def _strings(segments):
    return {(s.path, s.string.data) for s in segments if isinstance(s, StringSegmentValue)}


def source_changed_since_sync(page):
    """True when the Japanese page's published text differs from the text its translation was
    last synchronised with, i.e. the translation is out of date."""
    translation = synchronised_translation(page)
    if translation is None:
        return False
    source: TranslationSource = translation.source
    stored = {
        (segment.context.path, segment.string.data)
        for segment in source.stringsegment_set.select_related("context", "string")
    }
    return _strings(extract_segments(source.get_source_instance())) != stored
