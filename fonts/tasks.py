"""Celery tasks of the fonts (found by the Celery app's autodiscovery)."""

from celery import shared_task

from cms.celery import RETRY_ON_DATABASE_ERRORS
from fonts.building import rebuild_page_font


@shared_task(**RETRY_ON_DATABASE_ERRORS)
def rebuild_site_font(page_id):
    """Re-cut the page's font subset if the newly published page shows characters it lacks."""
    return rebuild_page_font(page_id)
