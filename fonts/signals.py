"""Publishing a page queues a re-cut of its font subset, and of the pages that show it."""

from django.db import transaction
from wagtail.models import Page

from cms.after_response import after_response
from fonts.building import current_manifest
from fonts.tasks import rebuild_site_font


def pages_showing(page):
    """The page and the live pages above it, which list or summarise it (a measure's title and
    progress are on the measure list and the home page's summary tables)."""
    above = Page.objects.ancestor_of(page).live().filter(depth__gt=1)
    return [page.pk, *above.values_list("pk", flat=True)]


def queue_rebuild_on_publish(sender, instance, **kwargs):
    """Publish receiver (editorial.publishing); where fonts were never built, `build_fonts`
    makes the first cut. Queued once the publication commits, and in a request once its answer
    is sent: without a broker the re-cut runs in-process (cms/after_response.py)."""
    if current_manifest() is None:
        return
    page_ids = pages_showing(instance)

    def queue():
        for page_id in page_ids:
            rebuild_site_font.delay(page_id)

    transaction.on_commit(lambda: after_response(queue))
