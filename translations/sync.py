"""Applying translated content to wagtail-localize: sources, translations, strings, targets.

For one Japanese object and {content path: translated text}: the object's TranslationSource is
brought up to date, a Translation into the target locale is ensured, each translated string is
stored as a StringTranslation for the segment at that path, and a missing translated object is
created and published with the Japanese text standing in for whatever is not translated.

A translated object that exists is content of the CMS: it is changed only when a user is given
(`import_content_translations --update`), and then as a draft revision by that user submitted to
the review workflow, never published here. Strings an editor has changed in the CMS are kept.
"""

from dataclasses import dataclass, field

from wagtail.models import DraftStateMixin
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from measures.importer.proposals import submit_for_review, under_review
from translations.pairing import translated_text

IMPORT_TOOL = "import_content_translations"


@dataclass
class SyncReport:
    saved: list[str] = field(default_factory=list)
    proposed: list[str] = field(default_factory=list)
    left_alone: list[str] = field(default_factory=list)
    unchanged: int = 0
    warnings: list[str] = field(default_factory=list)


def prepare_source(instance):
    """The object's TranslationSource, refreshed from the database; True if it changed."""
    before = (
        TranslationSource.objects.filter(
            object_id=instance.translation_key, locale_id=instance.locale_id
        )
        .values_list("last_updated_at", flat=True)
        .first()
    )
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    return source, source.last_updated_at != before


def _store(segment, locale, text, dry_run=False):
    """Record one translated string; False if it was already there or an editor changed it.
    With dry_run, only say whether it would be recorded."""
    data = StringValue.from_plaintext(text.strip()).data
    existing = StringTranslation.objects.filter(
        translation_of_id=segment.string_id, locale=locale, context_id=segment.context_id
    ).first()
    edited_in_cms = existing is not None and (
        existing.tool_name != IMPORT_TOOL or existing.last_translated_by_id
    )
    if existing is not None and (existing.data == data or edited_in_cms):
        return False
    if dry_run:
        return True
    if existing is None:
        StringTranslation.objects.create(
            translation_of_id=segment.string_id,
            locale=locale,
            context_id=segment.context_id,
            data=data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            tool_name=IMPORT_TOOL,
        )
        return True
    existing.data = data
    existing.has_error = False
    existing.save()
    return True


def _store_strings(source, locale, strings, label, report, dry_run=False):
    changed = False
    paths = set()
    for segment in source.stringsegment_set.select_related("context", "string"):
        paths.add(segment.context.path)
        text = translated_text(strings, segment.context.path, segment.string.data)
        if text:
            changed |= _store(segment, locale, text, dry_run)
    for path in sorted(set(strings) - paths):
        report.warnings.append(f"{label}: {path} is translated but empty in Japanese; ignored")
    return changed


def translate(instance, prepared, locale, strings, label, report, reviser=None):
    """Bring the translation of instance into locale up to date with strings, given its
    prepare_source() result: created if missing, otherwise proposed for review as reviser (a
    user) when it differs, or left alone without one. Returns the translated object, or None if
    an editor has taken it out of synchronised translation."""
    source, changed = prepared
    translation, created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if not translation.enabled:
        report.warnings.append(f"{label}: translation into {locale} is disabled; left alone")
        return None
    if instance.has_translation(locale):
        _propose(translation, strings, label, report, reviser, changed=changed or created)
    else:
        _store_strings(source, locale, strings, label, report)
        _save_and_publish(translation)
        report.saved.append(label)
    return source.get_translated_instance(locale)


def _propose(translation, strings, label, report, reviser, changed):
    source, locale = translation.source, translation.target_locale
    target = source.get_translated_instance(locale)
    where = f"{label} ({locale.language_code})"
    if reviser is None:
        report.unchanged += 1
    elif not isinstance(target, DraftStateMixin):
        if changed or _store_strings(source, locale, strings, label, report, dry_run=True):
            report.left_alone.append(f"{where}: keeps no revisions to review; edit it in the admin")
        else:
            report.unchanged += 1
    elif under_review(target):
        report.left_alone.append(f"{where}: a change is already under review")
    elif _store_strings(source, locale, strings, label, report) or changed:
        draft = source.get_ephemeral_translated_instance(locale, fallback=True)
        submit_for_review(draft, reviser)
        report.proposed.append(where)
    else:
        report.unchanged += 1


def _save_and_publish(translation):
    """Save the new translated object and publish it now.

    wagtail-localize publishes pages when the transaction commits, with the page as it was when
    saved; inside one transaction for the whole import that would publish a translated home page
    with its child count from before its sections were added. So drafts are saved and published
    here, straight away.
    """
    if not issubclass(translation.source.specific_content_type.model_class(), DraftStateMixin):
        translation.save_target(publish=True)
        return
    translation.save_target(publish=False)
    translation.get_target_instance().get_latest_revision().publish()
