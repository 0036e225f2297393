"""Recording and delivering the outbox's mails (editorial.models.OutgoingMail).

Delivery holds the row's lock while the mail goes out and marks it sent in the same transaction:
a task delivered twice (a worker killed before it acknowledged, a retry, a duplicate queued by a
second run) waits for the first and then finds the mail sent. Only a worker lost in the moment
between the mail server's acceptance and the commit can send a mail again; its Message-ID is made
from the key, so the copy is recognisably the same message.
"""

import hashlib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from editorial.models import MailStatus, OutgoingMail


def record(key, to, subject, body):
    """The outbox row for key, created with this mail if there is none; returns (mail, created)."""
    return OutgoingMail.objects.get_or_create(
        key=key, defaults={"to": to, "subject": subject, "body": body}
    )


def forget(key_prefixes):
    """Delete the outbox's copies of mails whose keys start with one of the prefixes (what they
    quote is being deleted, e.g. citizens' feedback past its retention)."""
    matching = Q(pk__in=[])
    for prefix in key_prefixes:
        matching |= Q(key__startswith=prefix)
    return OutgoingMail.objects.filter(matching).delete()[0]


def message_id(mail):
    digest = hashlib.sha256(mail.key.encode()).hexdigest()[:32]
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return f"<outbox-{digest}@{domain}>"


def send(mail):
    """As Wagtail's workflow mails go out (its sender and Auto-Submitted), with our Message-ID."""
    headers = {"Auto-Submitted": "auto-generated", "Message-ID": message_id(mail)}
    sender = getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", settings.DEFAULT_FROM_EMAIL)
    EmailMessage(mail.subject, mail.body, sender, [mail.to], headers=headers).send()


def deliver(mail_id, final_attempt=False):
    """Send the recorded mail unless it went out already; returns whether it was sent now.

    A failure is counted on the row and raised again (the task retries it); on the final attempt
    the row is marked failed.
    """
    try:
        with transaction.atomic():
            mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
            if mail is None or mail.status == MailStatus.SENT:
                return False
            # Writing first also takes SQLite's write lock, which select_for_update does not.
            OutgoingMail.objects.filter(pk=mail.pk).update(attempts=F("attempts") + 1)
            send(mail)
            OutgoingMail.objects.filter(pk=mail.pk).update(
                status=MailStatus.SENT, sent_at=timezone.now(), last_error=""
            )
            return True
    except Exception as error:
        failed = {"status": MailStatus.FAILED} if final_attempt else {}
        OutgoingMail.objects.filter(pk=mail_id).update(
            attempts=F("attempts") + 1, last_error=repr(error)[:2000], **failed
        )
        raise
