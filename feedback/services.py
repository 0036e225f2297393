"""Receiving feedback, telling the right staff, and forgetting it in time."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override
from wagtail.admin.utils import get_user_display_name
from wagtail.users.models import UserProfile

from editorial import outbox, roles
from editorial.notifications import admin_url
from editorial.tasks import queue_mail
from feedback.models import Feedback
from measures.models import DepartmentMembership

RATE_WINDOW_SECONDS = 60 * 60


def _rate_key(client_address):
    # Only a hash of the address is kept, and only for the window.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address}".encode()).hexdigest()
    return f"feedback-rate:{digest}"


def rate_limited(client_address):
    """True when this address has sent FEEDBACK_RATE_LIMIT messages within the last hour."""
    return cache.get(_rate_key(client_address), 0) >= settings.FEEDBACK_RATE_LIMIT


def count_submission(client_address):
    key = _rate_key(client_address)
    if not cache.add(key, 1, RATE_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, RATE_WINDOW_SECONDS)


def staff_for(measure):
    """Active staff of the measure's departments and the supervising division's reviewers."""
    departments = [link.department_id for link in measure.department_links.all()]
    members = DepartmentMembership.objects.filter(department_id__in=departments).values("user")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(pk__in=members) | Q(groups__name=roles.REVIEWERS) | Q(is_superuser=True))
        .exclude(email="")
        .distinct()
    )


def visible_to(user, queryset=None):
    """The feedback a staff member may read: the division sees all, a department its own."""
    queryset = Feedback.objects.all() if queryset is None else queryset
    if user.is_superuser or user.groups.filter(name=roles.REVIEWERS).exists():
        return queryset
    departments = DepartmentMembership.objects.filter(user=user).values("department")
    return queryset.filter(measure__department_links__department__in=departments).distinct()


@transaction.atomic
def receive(measure, message, reply_to, language):
    """Store the feedback and mail the staff once the transaction has committed."""
    feedback = Feedback.objects.create(
        measure=measure, message=message, reply_to=reply_to, language=language
    )
    for recipient in staff_for(measure):
        _queue_mail(recipient, feedback)
    return feedback


def mail_key_prefix(feedback_id):
    return f"feedback:{feedback_id}:"


def _queue_mail(recipient, feedback):
    context = {
        "feedback": feedback,
        "admin_url": admin_url(feedback),
        "recipient": get_user_display_name(recipient),
    }
    with override(UserProfile.get_for_user(recipient).get_preferred_language()):
        subject = render_to_string("feedback/mail/received_subject.txt", context)
        body = render_to_string("feedback/mail/received.txt", context)
    queue_mail(
        key=f"{mail_key_prefix(feedback.pk)}{recipient.pk}",
        to=recipient.email,
        subject=" ".join(subject.split()),
        body=body.strip(),
    )


def purge_expired(now=None):
    """Delete feedback (its history and its mails) older than FEEDBACK_RETENTION_DAYS; returns
    the count."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.FEEDBACK_RETENTION_DAYS)
    expired = Feedback.objects.filter(received_at__lt=cutoff)
    ids = list(expired.values_list("pk", flat=True))
    Feedback.history.filter(id__in=ids).delete()
    expired.delete()
    # The history of the deletion itself would keep the message: drop it too, and the mails
    # that quoted it to the staff.
    Feedback.history.filter(id__in=ids).delete()
    outbox.forget(mail_key_prefix(pk) for pk in ids)
    return len(ids)
