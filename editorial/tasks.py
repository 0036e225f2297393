"""Celery tasks of the measures app: thin wrappers around the services."""

import smtplib

from celery import shared_task
from django.core.management import call_command
from wagtail.admin.mail import send_mail

# A mail server that is down, refuses or times out is retried with growing delays.
MAIL_ERRORS = (smtplib.SMTPException, OSError)


@shared_task(autoretry_for=MAIL_ERRORS, retry_backoff=True, retry_backoff_max=600, max_retries=8)
def send_notification_email(subject, body, to):
    send_mail(subject, body, [to])


@shared_task
def publish_scheduled():
    """Publish and expire what has reached its go-live or expiry time (run by Celery beat)."""
    call_command("publish_scheduled")
