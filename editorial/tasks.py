"""Celery tasks of the editorial app: thin wrappers around the services.

Every task here may run twice (see cms.celery) and is safe to: a mail is sent only while its
outbox row says it is pending, and publish_scheduled publishes whatever is due and nothing else.
"""

import smtplib

from celery import shared_task
from django.core.management import call_command
from django.db import transaction

from cms.celery import RETRY_ON_DATABASE_ERRORS
from editorial import outbox

# A mail server that is down, refuses or times out is retried with growing delays.
MAIL_ERRORS = (smtplib.SMTPException, OSError)


@shared_task(
    bind=True,
    autoretry_for=(*MAIL_ERRORS, *RETRY_ON_DATABASE_ERRORS["autoretry_for"]),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def send_outgoing_mail(self, mail_id):
    return outbox.deliver(mail_id, final_attempt=self.request.retries >= self.max_retries)


def queue_mail(key, to, subject, body):
    """Record the mail in the outbox under key and send it by Celery once the transaction commits.

    A notification recorded again under the same key (a second run, a retried request) is neither
    recorded nor sent again.
    """
    mail, created = outbox.record(key, to, subject, body)
    if created:
        transaction.on_commit(lambda: send_outgoing_mail.delay(mail.pk), robust=True)
    return mail


@shared_task(**RETRY_ON_DATABASE_ERRORS)
def publish_scheduled():
    """Publish and expire everything whose go-live or expiry time has passed (run by Celery beat
    every minute); after beat was down, the first run catches up on every minute it missed."""
    call_command("publish_scheduled")
