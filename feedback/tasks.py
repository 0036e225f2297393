"""Celery tasks of the feedback app: thin wrappers around the services."""

from celery import shared_task

from cms.celery import RETRY_ON_DATABASE_ERRORS
from feedback import services


@shared_task(**RETRY_ON_DATABASE_ERRORS)
def purge_expired_feedback():
    """Delete feedback past its retention period (run daily by Celery beat)."""
    return services.purge_expired()
