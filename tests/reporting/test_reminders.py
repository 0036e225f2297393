"""Reminders and digests: on the right days, once, one mail a day, in the recipient's language."""

import datetime
import io
import threading
import time

import pytest
import redis
from celery import Celery
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.celery import app
from editorial import roles
from editorial.models import OutgoingMail
from editorial.tasks import send_outgoing_mail
from reporting.models import SentReminder
from reporting.reminders import current_stage, send_reminders
from reporting.services import open_round
from reporting.tasks import send_reporting_reminders
from tests.brokers import REMINDER_BROKER
from tests.conftest import IN_CI
from tests.factories import UserFactory
from tests.measures.test_notifications import worker_in_background
from tests.measures.workflow_steps import login
from tests.reporting.steps import department_editor, submit_change

DUE = datetime.date(2024, 6, 30)


def day(offset):
    return DUE + datetime.timedelta(days=offset)


@pytest.fixture
def round_2023(db):
    return open_round(2023, DUE).round


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """send_reminders for a day, with the mails it queues after the commit handed to Celery."""

    def run(on_day):
        with django_capture_on_commit_callbacks(execute=True):
            return send_reminders(on_day)

    return run


@pytest.mark.parametrize(
    ("offset", "stage"),
    [
        (-20, None),
        (-14, "due-14"),
        (-4, "due-14"),
        (-3, "due-3"),
        (0, "due-3"),
        (1, "overdue-1"),
        (7, "overdue-7"),
        (13, "overdue-7"),
        (14, None),
    ],
)
def test_the_stages_follow_the_due_date(round_2023, offset, stage):
    assert current_stage(round_2023, day(offset)) == stage


def mails_to(address):
    return [m for m in mail.outbox if address in m.to]


def test_each_reminder_goes_out_once_even_when_beat_runs_again(round_2023, remind):
    remind(day(-14))
    first = mails_to("editor-nosei@example.invalid")
    assert len(first) == 1
    assert "2024-06-30" in first[0].body and "あと14日" in first[0].body
    assert "/admin/pages/" in first[0].body  # links to the measures to report

    remind(day(-14))  # a retry the same day
    remind(day(-13))  # the next day: no new stage
    assert len(mails_to("editor-nosei@example.invalid")) == 1

    remind(day(-3))
    remind(day(1))
    bodies = [m.body for m in mails_to("editor-nosei@example.invalid")]
    assert len(bodies) == 3 and "1日過ぎました" in bodies[-1]


def test_departments_that_submitted_everything_hear_nothing(round_2023, remind, measure):
    editor = department_editor(measure(8), username="nosei-2")
    editor.email = "nosei-2@example.invalid"
    editor.save()
    for page in [p for p in round_2023.measures.all() if p.permissions_for_user(editor).can_edit()]:
        submit_change(page, editor, lambda d: None)
    remind(day(-14))
    assert mails_to("nosei-2@example.invalid") == []
    assert mails_to("editor-joho@example.invalid")


def test_one_mail_a_day_holds_the_reminder_and_the_digest(round_2023, remind, measure):
    both = UserFactory(username="both", email="both@example.invalid")
    both.groups.add(Group.objects.get(name=roles.REVIEWERS))
    both_editor = department_editor(measure(8), username="both")
    # a change of another department waits for review: the digest has it, the reminder stays
    own = measure(8).lead_department
    other = next(p for p in round_2023.measures.all() if own not in p.departments)
    submit_change(other, department_editor(other, username="other-editor"), lambda d: None)

    remind(day(-14))
    remind(day(-14))

    (only,) = mails_to("both@example.invalid")
    assert "あなたの審査を待っている変更" in only.body and "あと14日" in only.body
    assert both_editor == both
    assert SentReminder.objects.filter(user=both, sent_on=day(-14)).count() == 2

    remind(day(-13))  # the next day: a fresh digest, the reminder is not repeated
    second = mails_to("both@example.invalid")[1]
    assert "あなたの審査を待っている変更" in second.body and "あと" not in second.body


def test_the_mail_is_in_the_recipients_admin_language(round_2023, remind):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="editor-nosei"))
    profile.preferred_language = "en"
    profile.save()
    remind(day(-14))
    (english,) = mails_to("editor-nosei@example.invalid")
    assert english.subject == "Please report your progress"


def test_users_see_which_reminders_they_get(client, round_2023, remind):
    remind(day(-14))
    login(client, "editor-nosei")
    page = client.get(reverse("reporting_my_reminders")).content.decode()
    assert "提出期限の14日前と3日前" in page
    assert "進捗報告のお願い" in page
    assert (
        reverse("reporting_my_reminders")
        in client.get(reverse("wagtailadmin_account")).content.decode()
    )


@pytest.fixture
def reminder_broker():
    """The project's Celery configuration on the reminders' Redis database, as the current app."""
    try:
        redis.Redis.from_url(REMINDER_BROKER).flushdb()
    except redis.ConnectionError:
        if IN_CI:
            pytest.fail(f"Redis is not reachable at {REMINDER_BROKER}")
        pytest.skip(f"Redis is not reachable at {REMINDER_BROKER}")
    broker_app = Celery("cms-reminders-test", set_as_current=False, fixups=[])
    broker_app.config_from_object("django.conf:settings", namespace="CELERY")
    broker_app.conf.update(
        broker_url=REMINDER_BROKER, task_always_eager=False, worker_hijack_root_logger=False
    )
    broker_app.set_current()
    yield broker_app
    app.set_current()
    app.set_default()


def deliver_and_mark(broker_app, marker):
    """Queue a marker mail behind whatever was queued; wait until the worker has sent it."""
    marker_mail = OutgoingMail.objects.create(
        key=marker, to="marker@example.invalid", subject=marker, body=marker
    )
    send_outgoing_mail.delay(marker_mail.pk)
    messages = wait_for_mail_with(marker)
    assert any(m.subject == marker for m in messages), "the worker sent nothing"
    return [m for m in messages if m.subject != marker and "marker" not in m.subject]


def wait_for_mail_with(subject, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not any(m.subject == subject for m in mail.outbox):
        time.sleep(0.1)
    return list(mail.outbox)


def test_a_real_worker_sends_each_reminder_once_across_a_restart(
    round_2023, settings, reminder_broker, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.measures.test_notifications.ThreadRecordingBackend"
    with worker_in_background(reminder_broker):
        with django_capture_on_commit_callbacks(execute=True):
            queued = send_reporting_reminders(day(-14).isoformat())
        first = deliver_and_mark(reminder_broker, "marker-1")
    assert queued == len(first) > 0
    assert all(
        m.extra_headers["X-Sent-From-Thread"] != threading.current_thread().name for m in first
    )
    assert "editor-nosei@example.invalid" in {m.to[0] for m in first}

    mail.outbox.clear()
    with worker_in_background(reminder_broker):  # the worker restarted; beat runs again
        with django_capture_on_commit_callbacks(execute=True):
            again = send_reporting_reminders(day(-14).isoformat())
        second = deliver_and_mark(reminder_broker, "marker-2")
    assert again == 0 and second == []


def test_the_command_runs_the_reminders_as_on_a_given_day(
    round_2023, django_capture_on_commit_callbacks
):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reporting_reminders", "--date", day(-14).isoformat(), stdout=out)
    assert out.getvalue().startswith("Queued ") and mails_to("editor-joho@example.invalid")
    call_command("open_reporting_round", "2023", "--due", "2024-07-31", stdout=io.StringIO())
    round_2023.refresh_from_db()
    assert round_2023.due_date == datetime.date(2024, 7, 31)
    assert round_2023.history.first().due_date == datetime.date(2024, 7, 31)
