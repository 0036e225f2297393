"""Publishing a page queues a re-cut of its font subset."""

from django.db import transaction

from fonts.building import current_manifest
from fonts.tasks import rebuild_site_font


def queue_rebuild_on_publish(sender, instance, **kwargs):
    """Publish receiver (editorial.publishing); where fonts were never built, `build_fonts`
    makes the first cut."""
    if current_manifest() is None:
        return
    page_id = instance.pk
    transaction.on_commit(lambda: rebuild_site_font.delay(page_id))
