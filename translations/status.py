"""Who translated a page, and whether the city has checked it.

A translated page starts as the site's translation (the content packs, imported by
`import_content_translations`, or an editor's draft). Once a reviewer of the division approves a
version of it in the review workflow, the city has reviewed it: the page says so, with the date of
the latest approval. Either way it links to its Japanese original.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from wagtail.models import Page, PageLogEntry

APPROVAL_ACTION = "wagtail.workflow.approve"


@dataclass
class TranslationStatus:
    reviewed_at: datetime | None  # the latest approval by the city, None if never
    original: Page | None  # the Japanese page it translates (live), if any


def translation_status(page):
    """The status of a translated page; None for a page in the source language."""
    if not isinstance(page, Page) or page.locale.language_code == settings.LANGUAGE_CODE:
        return None
    approval = (
        PageLogEntry.objects.filter(page=page, action=APPROVAL_ACTION)
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )
    original = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE)
        .first()
    )
    return TranslationStatus(reviewed_at=approval, original=original)
