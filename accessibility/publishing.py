"""Publishing the accessibility pages in every language: the policy, made once, and the 試験結果
page, republished from each new summary of a test run.

The pages are translated like the rest of the site, from the content packs (content/<lang>/
accessibility.json) by the translations importer, which creates what is missing and never
changes a string an editor changed. The summary itself is data, not text: every language shows
the same run, so each translated 試験結果 page gets the new summary when the Japanese one does.
"""

from dataclasses import dataclass, field

from django.conf import settings
from wagtail_localize.models import TranslationSource

from accessibility.models import AccessibilityPolicyPage, AccessibilityReportPage
from accessibility.policy import POLICY_BODY, POLICY_TITLE, REPORT_TITLE
from home.models import HomePage
from home.tree import ensure_child
from translations.content import read_pack
from translations.importer import CONTENT_DIR, import_items, page_item, target_languages
from translations.sync import SyncReport


class NoHomePage(LookupError):
    """The site has no Japanese home page to put the accessibility pages under."""


@dataclass
class Publication:
    report: AccessibilityReportPage
    changed: bool = False  # the Japanese 試験結果 page was published with a new summary
    translations_created: list[str] = field(default_factory=list)  # importer labels
    translations_updated: list[str] = field(default_factory=list)  # language codes


def _publish_summary(page, summary):
    page.results = summary
    page.save_revision().publish()


def _note_new_child(home):
    """A new child changes only the home page's child count, which wagtail-localize keeps in the
    home page's translation source: brought up to date here, so that the translations importer
    does not take the count for a change of the home page to propose for review."""
    if TranslationSource.objects.filter(object_id=home.translation_key).exists():
        TranslationSource.update_or_create_from_instance(home)


def publish_report(summary, content_dir=CONTENT_DIR):
    """Publish summary on the 試験結果 page, making the policy page first if there is none, and
    keep their translations in step: missing ones are made from the content packs, existing
    試験結果 pages get the same summary."""
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        raise NoHomePage("no home page: run import_plan first")
    policy, policy_created = ensure_child(
        home, AccessibilityPolicyPage, "accessibility", title=POLICY_TITLE, body=POLICY_BODY
    )
    if policy_created:
        _note_new_child(home)
    report, created = ensure_child(
        policy, AccessibilityReportPage, "results", title=REPORT_TITLE, results=summary
    )
    publication = Publication(report=report, changed=created)
    if not created and (report.results != summary or not report.live):
        _publish_summary(report, summary)
        publication.changed = True

    sync = SyncReport()
    packs = [read_pack(content_dir, code) for code in target_languages()]
    import_items([page_item(policy), page_item(report)], packs, sync)
    publication.translations_created = sync.saved
    for translated in AccessibilityReportPage.objects.filter(
        translation_key=report.translation_key
    ).exclude(pk=report.pk):
        if translated.results != summary:
            _publish_summary(translated, summary)
            publication.translations_updated.append(translated.locale.language_code)
    return publication
