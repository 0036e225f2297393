"""Celery tasks of the site itself (found by the Celery app's autodiscovery)."""

from celery import shared_task

from home import fonts


@shared_task
def rebuild_site_font(page_id):
    """Re-cut the page's font subset if the newly published page shows characters it lacks."""
    return fonts.rebuild_page_font(page_id)
