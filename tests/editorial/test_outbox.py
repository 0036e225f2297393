"""The outbox: each notification mail is recorded once and sent once, however often its task runs,
also when the worker sending a batch is killed and another takes over."""

import email
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail

from cms.celery import app
from editorial.models import MailStatus, OutgoingMail
from editorial.outbox import deliver
from editorial.tasks import queue_mail, send_outgoing_mail
from tests import seed
from tests.editorial.slow_mail import accepted_messages
from tests.measures.test_notifications import TEST_BROKER, redis_app  # noqa: F401 (a fixture)

pytestmark = pytest.mark.long_running(seconds=30)

ROOT = Path(__file__).resolve().parents[2]
PROJECT_TASK_MODULES = ("editorial", "fonts", "reporting", "feedback", "plan_report", "operations")


def test_a_notification_recorded_twice_is_sent_once(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = queue_mail("test:1", "reviewer@example.invalid", "件名", "本文")
        again = queue_mail("test:1", "reviewer@example.invalid", "件名", "本文")

    assert first.pk == again.pk
    [message] = mail.outbox
    assert message.to == ["reviewer@example.invalid"]
    assert message.extra_headers["Message-ID"].startswith("<outbox-")
    first.refresh_from_db()
    assert first.status == MailStatus.SENT and first.sent_at is not None and first.attempts == 1


def test_a_task_delivered_twice_sends_the_mail_once(db):
    recorded = OutgoingMail.objects.create(
        key="test:2", to="a@example.invalid", subject="s", body="b"
    )

    assert send_outgoing_mail.delay(recorded.pk).get() is True
    assert send_outgoing_mail.delay(recorded.pk).get() is False
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_is_counted_and_the_mail_stays_pending(db, settings):
    settings.EMAIL_BACKEND = "tests.measures.test_notifications.FailingBackend"
    recorded = OutgoingMail.objects.create(
        key="test:3", to="a@example.invalid", subject="s", body="b"
    )

    with pytest.raises(OSError):  # SMTPServerDisconnected: the task retries it
        deliver(recorded.pk)
    recorded.refresh_from_db()
    assert (recorded.status, recorded.attempts) == (MailStatus.PENDING, 1)
    assert "SMTPServerDisconnected" in recorded.last_error

    with pytest.raises(OSError):
        deliver(recorded.pk, final_attempt=True)
    recorded.refresh_from_db()
    assert (recorded.status, recorded.attempts) == (MailStatus.FAILED, 2)


def test_every_task_survives_a_lost_worker_and_retries_transient_errors():
    app.loader.import_default_modules()
    ours = [task for name, task in app.tasks.items() if name.startswith(PROJECT_TASK_MODULES)]

    assert {task.name for task in ours} >= {
        "editorial.tasks.send_outgoing_mail",
        "editorial.tasks.publish_scheduled",
        "fonts.tasks.rebuild_site_font",
        "reporting.tasks.send_reporting_reminders",
        "feedback.tasks.purge_expired_feedback",
        "plan_report.tasks.build_report",
        "operations.tasks.record_beat_run",
    }
    for task in ours:
        assert task.acks_late and task.reject_on_worker_lost, task.name
        assert task.autoretry_for and task.retry_backoff, task.name


# A real worker killed in the middle of a batch


BATCH = 20


@pytest.fixture
def site_copy(tmp_path):
    """A copy of the seeded site for other processes (workers, commands); returns its URL."""
    url = os.environ.get("DATABASE_URL", "")
    if seed.is_postgres(url):
        # One name per process: pytest-xdist runs the tests that use a copy side by side.
        name = f"{urlsplit(url).path.lstrip('/') or 'postgres'}_site_copy_{os.getpid()}"
        yield seed.copy_pg_seed(url, name)
        seed.drop_pg_database(url, name)
    else:
        yield seed.copy_sqlite_seed(tmp_path / "site.sqlite3")


def outbox_statuses(site_url):
    query = "SELECT status, count(*) FROM editorial_outgoingmail GROUP BY status"
    if seed.is_postgres(site_url):
        import psycopg

        with psycopg.connect(site_url) as connection:
            return dict(connection.execute(query).fetchall())
    with sqlite3.connect(urlsplit(site_url).path) as connection:
        return dict(connection.execute(query).fetchall())


def delivered(folder):
    """The recipient of every message the mail server accepted."""
    return [email.message_from_string(part)["To"] for part in accepted_messages(folder)]


def wait_until(condition, timeout):
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return condition()


@pytest.mark.usefixtures("redis_app")
def test_a_batch_is_sent_exactly_once_when_its_worker_is_killed(site_copy, tmp_path):
    mails = tmp_path / "mails"
    mails.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.editorial.worker_settings",
        "DATABASE_URL": site_copy,
        "CELERY_BROKER_URL": TEST_BROKER,
        "EMAIL_FILE_PATH": str(mails),
    }
    worker_command = [sys.executable, "-m", "celery", "-A", "cms", "worker", "--concurrency=1"]
    worker_command += ["--loglevel=WARNING", "--without-gossip", "--without-mingle"]

    def start_worker(log_name, **server):
        log = (tmp_path / log_name).open("w")
        return subprocess.Popen(  # noqa: S603
            worker_command,
            cwd=ROOT,
            env={**env, **server},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    # The first worker's mail server hangs after five messages: the kill finds it mid-batch.
    first = start_worker("worker-1.log", MAIL_SERVER_HANGS_AFTER="5")
    try:
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "tests.editorial.submission", str(BATCH)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        # The kill comes after the fifth mail was marked sent: between a mail server's acceptance
        # and that commit, no outbox can know (see editorial/outbox.py).
        sent = lambda: outbox_statuses(site_copy).get(MailStatus.SENT.value, 0)  # noqa: E731
        assert wait_until(lambda: sent() >= 5, 60), "the worker sent nothing"
    finally:
        os.killpg(first.pid, signal.SIGKILL)  # the worker and its pool, as in a crash
        first.wait(10)
    assert len(delivered(mails)) == 5, "the kill did not come in the middle of the batch"

    second = start_worker("worker-2.log")
    try:
        wait_until(lambda: len(delivered(mails)) >= BATCH, 90)
        time.sleep(3)  # time enough for a duplicate to show
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(30)

    recipients = delivered(mails)
    expected = {f"crash-reviewer-{number}@example.invalid" for number in range(BATCH)}
    assert sorted(recipients) == sorted(expected)  # every mail, each exactly once
    assert outbox_statuses(site_copy) == {MailStatus.SENT.value: BATCH}
