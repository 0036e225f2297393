"""import_content_translations: the content files applied to every page and snippet.

Without a reviser (seeding) only what is missing is created: translations that do not exist yet
and Japanese plain summaries of measures no person has edited. With a reviser (`--update`) every
difference becomes a draft revision by that user, submitted for review.
"""

from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

from django.conf import settings
from wagtail.models import Locale, Page

from accessibility.models import AccessibilityPolicyPage, AccessibilityReportPage
from glossary.models import GlossaryTerm
from home.models import HomePage
from measures.importer.proposals import submit_for_review, under_review
from measures.models import Department, DxPriority, MeasurePage
from translations import pairing
from translations.content import ContentPack
from translations.sync import SyncReport, prepare_source, translate

CONTENT_DIR = settings.BASE_DIR / "content"


def target_languages():
    """Every content language except the source language."""
    return [
        code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE
    ]


def edited_by_a_person(page):
    """Imports save revisions without a user; any other revision is an editor's."""
    return page.revisions.filter(user__isnull=False).exists()


def load_plain_summaries(pack: ContentPack, report: SyncReport, reviser=None):
    """The Japanese plain summaries are source content of the Japanese measures."""
    locale = Locale.get_default()
    for number, summary in sorted(pack.summaries.items()):
        text = (summary.get("plain_summary") or "").strip()
        page = MeasurePage.objects.filter(locale=locale, number=number).first()
        label = f"measure {number} plain summary (ja)"
        if page is None or not text:
            continue
        if page.plain_summary == text:
            report.unchanged += 1
        elif reviser is not None:
            _propose_plain_summary(page, text, label, report, reviser)
        elif page.plain_summary or edited_by_a_person(page):
            report.left_alone.append(f"{label}: the CMS has its own version")
        else:
            page.plain_summary = text
            page.save_revision(log_action=True).publish()
            report.saved.append(label)


def _propose_plain_summary(page, text, label, report, reviser):
    if under_review(page):
        report.left_alone.append(f"{label}: a change is already under review")
        return
    draft = page.get_latest_revision_as_object()
    draft.plain_summary = text
    submit_for_review(draft, reviser)
    report.proposed.append(label)


@dataclass
class Item:
    """One Japanese page or snippet, with how to find its translated strings in a pack."""

    instance: object
    label: str  # "measure 6", "glossary ＡＩ", "home", "page glossary", …
    strings: Callable[[object, ContentPack], dict]
    after: Callable[[object, object, ContentPack], None] | None = None


def snippet_items(source):
    for department in Department.objects.filter(locale=source):
        yield Item(department, f"department {department.name}", pairing.department_strings)
    for term in GlossaryTerm.objects.filter(locale=source, live=True):
        yield Item(term, f"glossary {term.term}", pairing.glossary_strings)
    for priority in DxPriority.objects.filter(locale=source):
        label = f"dx priority {priority.group} ({priority.number})"
        yield Item(priority, label, pairing.dx_priority_strings, _apply_points)


def _apply_points(priority, target, pack):
    """The points lists are a JSON field wagtail-localize copies from the source on every
    sync; the translated lists are written after it."""
    points = pairing.dx_points(priority, pack)
    for link in target.measure_links.all():
        wanted = points.get(link.translation_key)
        if wanted and link.points != wanted:
            type(link).objects.filter(pk=link.pk).update(points=wanted)


def page_item(page):
    """The importer's item for a Japanese page (its label names its kind first)."""
    if isinstance(page, MeasurePage):
        return Item(page, f"measure {page.number}", pairing.measure_strings)
    if isinstance(page, HomePage):
        return Item(page, "home", pairing.home_strings)
    if isinstance(page, AccessibilityPolicyPage | AccessibilityReportPage):
        return Item(page, f"accessibility {page.slug}", pairing.accessibility_strings)
    return Item(page, f"page {page.slug}", pairing.section_strings)


def page_items(source, report):
    """The Japanese home page and every page under it, parents before children."""
    home = HomePage.objects.filter(locale=source).first()
    if home is None:
        report.warnings.append("no Japanese home page: run import_plan first")
        return
    pages = Page.objects.descendant_of(home, inclusive=True).filter(locale=source)
    for page in pages.order_by("path").specific():
        yield page_item(page)


def import_languages(packs: list[ContentPack], report: SyncReport, reviser=None):
    """Translate every page and snippet of the plan into each pack's language.

    Object by object, so that each Japanese object is extracted once for all languages. When
    seeding, objects translated into every language are not looked at.
    """
    source = Locale.get_default()
    import_items(chain(snippet_items(source), page_items(source, report)), packs, report, reviser)


def import_items(items, packs: list[ContentPack], report: SyncReport, reviser=None):
    """Translate these items (Japanese objects) into each pack's language, as import_languages."""
    targets = [(Locale.objects.get(language_code=pack.language_code), pack) for pack in packs]
    for item in items:
        wanted = targets
        if reviser is None:
            wanted = [(lo, pack) for lo, pack in targets if not item.instance.has_translation(lo)]
            report.unchanged += len(targets) - len(wanted)
        if not wanted:
            continue
        prepared = prepare_source(item.instance)
        for locale, pack in wanted:
            strings = item.strings(item.instance, pack)
            target = translate(
                item.instance, prepared, locale, strings, item.label, report, reviser
            )
            # The translated points are written by the seed only: with a reviser they would
            # change the live object outside the review.
            if item.after and target is not None and reviser is None:
                item.after(item.instance, target, pack)
