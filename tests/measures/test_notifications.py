"""Workflow e-mails: sent by Celery after the commit, never lost with the workflow action."""

import smtplib
import threading
import time
from contextlib import contextmanager

import pytest
import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker
from celery.signals import task_prerun
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client
from wagtail.models import WorkflowState

from cms.celery import app
from editorial import roles
from editorial.models import MailStatus, OutgoingMail
from editorial.tasks import send_outgoing_mail
from tests.brokers import TEST_BROKER
from tests.conftest import IN_CI
from tests.factories import UserFactory
from tests.measures.workflow_steps import login, submit, workflow_action

pytestmark = pytest.mark.django_db


class FailingBackend(EmailBackend):
    """A mail server that is down."""

    attempts = 0

    def send_messages(self, messages):
        FailingBackend.attempts += 1
        raise smtplib.SMTPServerDisconnected("connection unexpectedly closed")


class ThreadRecordingBackend(EmailBackend):
    """Notes which thread sent each message."""

    def send_messages(self, messages):
        for message in messages:
            message.extra_headers["X-Sent-From-Thread"] = threading.current_thread().name
        return super().send_messages(messages)


@pytest.fixture
def reviewers(db):
    second = UserFactory(username="reviewer-2")
    second.groups.add(Group.objects.get(name=roles.REVIEWERS))
    return {"reviewer@example.invalid", second.email}


def test_submission_mails_every_reviewer_after_the_commit(
    client, measure, reviewers, django_capture_on_commit_callbacks
):
    login(client, "editor-nosei")
    with django_capture_on_commit_callbacks() as callbacks:
        submit(client, measure(8), note="実績を更新しました。")
    assert mail.outbox == []  # nothing is sent inside the request

    for callback in callbacks:
        callback()

    assert {address for message in mail.outbox for address in message.to} == reviewers
    message = mail.outbox[0]
    assert measure(8).title in message.subject
    assert "実績を更新しました。" in message.body
    assert f"/admin/pages/{measure(8).pk}/edit/" in message.body


@pytest.mark.parametrize(("action", "subject"), [("approve", "承認"), ("reject", "差し戻し")])
def test_decision_mails_the_submitter_with_the_comment(
    client, measure, action, subject, django_capture_on_commit_callbacks
):
    editor = Client()
    login(editor, "editor-nosei")
    submit(editor, measure(8))
    login(client, "reviewer")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, measure(8), action, comment="数字の出典を書き添えてください。")

    [message] = mail.outbox
    assert message.to == ["editor-nosei@example.invalid"]
    assert subject in message.subject
    assert "数字の出典を書き添えてください。" in message.body


def test_a_failing_mail_server_loses_no_workflow_action(
    client, measure, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.measures.test_notifications.FailingBackend"
    FailingBackend.attempts = 0
    login(client, "editor-nosei")

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, measure(8))

    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(measure(8).pk), base_content_type__model="page")
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert FailingBackend.attempts == 1
    assert "SMTPServerDisconnected" in caplog.text


@pytest.fixture
def eager_retries():
    """Eager tasks retry in place only when their errors are not propagated at once."""
    propagates = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = propagates


def test_the_mail_task_retries_on_smtp_errors(settings, eager_retries):
    settings.EMAIL_BACKEND = "tests.measures.test_notifications.FailingBackend"
    FailingBackend.attempts = 0
    recorded = OutgoingMail.objects.create(
        key="test:retries", to="reviewer@example.invalid", subject="件名", body="本文"
    )

    result = send_outgoing_mail.delay(recorded.pk)

    assert result.failed()
    assert FailingBackend.attempts == send_outgoing_mail.max_retries + 1
    recorded.refresh_from_db()
    assert recorded.status == MailStatus.FAILED
    assert recorded.attempts == send_outgoing_mail.max_retries + 1


@pytest.fixture
def redis_app():
    """The project's Celery configuration on a Redis broker, made the current app.

    A separate app, so the project's own app keeps its eager set-up (and its connection pool)
    for the rest of the run; tasks are shared, so those queued by the site go through this one.
    """
    try:
        redis.Redis.from_url(TEST_BROKER).flushdb()
    except redis.ConnectionError:
        message = f"Redis is not reachable at {TEST_BROKER}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    redis_app = Celery("cms-test", set_as_current=False, fixups=[])
    redis_app.config_from_object("django.conf:settings", namespace="CELERY")
    redis_app.conf.update(
        broker_url=TEST_BROKER, task_always_eager=False, worker_hijack_root_logger=False
    )
    redis_app.set_current()
    yield redis_app
    app.set_current()
    app.set_default()


@contextmanager
def worker_in_background(worker_app):
    """A real Celery worker, in a thread of its own that uses the test's database connection.

    The worker reads what the test wrote inside its transaction (the outbox's rows) through the
    test's own connection, as Django's live server thread does; the worker app has no Django
    fix-up, which would close that connection around every task.
    """
    ready, stop = threading.Event(), threading.Event()
    test_connection = connections[DEFAULT_DB_ALIAS]
    test_connection.inc_thread_sharing()

    def use_the_test_connection(**kwargs):  # in the thread that runs the task
        connections[DEFAULT_DB_ALIAS] = test_connection

    task_prerun.connect(use_the_test_connection, weak=False)

    def run():
        with start_worker(worker_app, perform_ping_check=False, loglevel="WARNING"):
            ready.set()
            stop.wait(60)

    thread = threading.Thread(target=run, name="celery-test-worker", daemon=True)
    thread.start()
    assert ready.wait(30), "the Celery worker did not start"
    try:
        yield
    finally:
        stop.set()
        thread.join(30)
        task_prerun.disconnect(use_the_test_connection)
        test_connection.dec_thread_sharing()


def wait_for_mail(timeout=20):
    deadline = time.monotonic() + timeout
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.1)
    return list(mail.outbox)


def test_a_real_worker_sends_the_submission_mail(
    client, measure, settings, redis_app, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.measures.test_notifications.ThreadRecordingBackend"
    login(client, "editor-nosei")
    with worker_in_background(redis_app):
        with django_capture_on_commit_callbacks(execute=True):
            submit(client, measure(8))
        messages = wait_for_mail()

    [message] = messages
    assert message.to == ["reviewer@example.invalid"]
    assert message.extra_headers["X-Sent-From-Thread"] != threading.current_thread().name
