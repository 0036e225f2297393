"""Celery tasks of the operations app (found by the Celery app's autodiscovery)."""

from celery import shared_task

from cms.celery import RETRY_ON_DATABASE_ERRORS
from operations import health


@shared_task(**RETRY_ON_DATABASE_ERRORS)
def record_beat_run():
    """Beat's heartbeat, every minute: a worker ran what beat scheduled, at this time."""
    health.record_beat_run()
