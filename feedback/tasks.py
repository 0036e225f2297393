"""Celery tasks of the feedback app: thin wrappers around the services."""

from celery import shared_task

from feedback import services


@shared_task
def purge_expired_feedback():
    """Delete feedback past its retention period (run daily by Celery beat)."""
    return services.purge_expired()
