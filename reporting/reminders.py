"""Reminders to departments and digests to reviewers, sent once a day by Celery beat.

Editors of a department hear 14 and 3 days before the due date and 1 and 7 days after it, as long
as one of their measures is not submitted; reviewers get a daily digest of what waits for them.
Everything for one person goes into one mail, at most one a day, in their admin language. Each
reminder is recorded (reporting.models.SentReminder) before its mail is queued, in the same
transaction: a second run, a retry or a restarted worker finds the record and sends nothing.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override
from wagtail.admin.utils import get_user_display_name
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from editorial import roles
from editorial.notifications import admin_url
from editorial.tasks import queue_mail
from reporting.models import ReportingRound, RoundStatus, SentReminder
from reporting.services import MeasureStatus, round_rows

# Days relative to the due date, and the reminder's name.
STAGES = [(-14, "due-14"), (-3, "due-3"), (1, "overdue-1"), (7, "overdue-7")]


def current_stage(round_, today):
    """The latest reminder stage the day has reached, or None before the first/after the last."""
    reached = [name for days, name in STAGES if today >= round_.due_date + datetime.timedelta(days)]
    last_day = round_.due_date + datetime.timedelta(STAGES[-1][0])
    return reached[-1] if reached and today <= last_day + datetime.timedelta(6) else None


@dataclass
class Mail:
    user: object
    rounds: list = field(default_factory=list)  # (round, stage, rows)
    waiting: list = field(default_factory=list)  # pages under review
    keys: list = field(default_factory=list)  # (key, round or None)


def pending_mails(today):
    """What each person should be told today and has not been told."""
    mails = {}
    for round_ in ReportingRound.objects.filter(status=RoundStatus.OPEN):
        stage = current_stage(round_, today)
        if stage is not None:
            _department_reminders(round_, stage, today, mails)
    _reviewer_digests(today, mails)
    return list(mails.values())


def _active(group):
    return get_user_model().objects.filter(groups__name=group, is_active=True).exclude(email="")


def _department_reminders(round_, stage, today, mails):
    # The due date is part of the key: moving it gives the new dates their own reminders.
    key = f"round-{round_.pk}-{round_.due_date.isoformat()}-{stage}"
    rows = [r for r in round_rows(round_, today=today) if r.status in MeasureStatus.OUTSTANDING]
    for user in _active(roles.EDITORS):
        own = [r for r in rows if r.page.permissions_for_user(user).can_edit()]
        if own and not SentReminder.objects.filter(user=user, key=key).exists():
            mail = mails.setdefault(user.pk, Mail(user))
            mail.rounds.append((round_, stage, own))
            mail.keys.append((key, round_))


def _reviewer_digests(today, mails):
    key = f"digest-{today.isoformat()}"
    states = list(WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS))
    for user in _active(roles.REVIEWERS):
        waiting = [
            s.content_object
            for s in states
            if s.current_task_state and s.current_task_state.task.specific.user_can_moderate(user)
        ]
        if waiting and not SentReminder.objects.filter(user=user, key=key).exists():
            mail = mails.setdefault(user.pk, Mail(user))
            mail.waiting = waiting
            mail.keys.append((key, None))


def render(mail, today):
    with override(UserProfile.get_for_user(mail.user).get_preferred_language()):
        context = {
            "recipient": get_user_display_name(mail.user),
            "rounds": [
                {
                    "round": round_,
                    "overdue": stage.startswith("overdue"),
                    "days": abs((round_.due_date - today).days),
                    "rows": [(row, admin_url(row.page)) for row in rows],
                    "upload_url": _absolute(reverse("reporting_upload", args=[round_.pk])),
                }
                for round_, stage, rows in mail.rounds
            ],
            "waiting": [(obj, admin_url(obj)) for obj in mail.waiting],
        }
        subject = render_to_string("reporting/mail/reminder_subject.txt", context)
        body = render_to_string("reporting/mail/reminder.txt", context)
    return " ".join(subject.split()), body.strip()


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_reminders(today=None):
    """Send today's reminders and digests; returns how many mails were queued."""
    today = today or datetime.date.today()
    sent = 0
    for mail in pending_mails(today):
        if SentReminder.objects.filter(user=mail.user, sent_on=today).exists():
            continue  # one mail a day: the rest waits for tomorrow
        subject, body = render(mail, today)
        try:
            with transaction.atomic():
                for key, round_ in mail.keys:
                    SentReminder.objects.create(
                        user=mail.user, key=key, round=round_, sent_on=today, subject=subject
                    )
                queue_mail(
                    key=f"reporting:{today.isoformat()}:{mail.user.pk}",
                    to=mail.user.email,
                    subject=subject,
                    body=body,
                )
        except IntegrityError:
            continue  # another run recorded it first
        sent += 1
    return sent


def reminders_for(user):
    """What reminders this user gets, for their account page."""
    groups = set(user.groups.values_list("name", flat=True))
    return {
        "department": roles.EDITORS in groups,
        "digest": roles.REVIEWERS in groups,
        "recent": user.sent_reminders.order_by("-sent_on")[:10],
    }
