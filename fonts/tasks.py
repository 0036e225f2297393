"""Celery tasks of the fonts (found by the Celery app's autodiscovery)."""

from celery import shared_task
from wagtail.models import Page

from cms.celery import RETRY_ON_DATABASE_ERRORS
from fonts.building import rebuild_page_font
from page_cache.affected import page_urls
from page_cache.purge import purge


@shared_task(**RETRY_ON_DATABASE_ERRORS)
def rebuild_site_font(page_id):
    """Re-cut the page's font subset if the newly published page shows characters it lacks; its
    HTML then links the new subset's stylesheet, so the cached page is purged."""
    rebuilt = rebuild_page_font(page_id)
    if rebuilt:
        purge(page_urls(Page.objects.filter(pk=page_id)))
    return rebuilt
