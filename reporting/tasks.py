"""Celery tasks of the reporting app: thin wrappers around reporting.reminders."""

import datetime

from celery import shared_task

from cms.celery import RETRY_ON_DATABASE_ERRORS
from reporting.reminders import send_reminders


@shared_task(**RETRY_ON_DATABASE_ERRORS)
def send_reporting_reminders(today=None):
    """Today's (or an ISO date's) reminders and digests; run daily by beat, safe to run again."""
    return send_reminders(datetime.date.fromisoformat(today) if today else None)
