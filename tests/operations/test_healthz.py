"""/healthz: 200 when the database, cache, broker and beat work, 503 naming what does not."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from operations.health import record_beat_run
from operations.models import Heartbeat
from operations.tasks import record_beat_run as record_beat_run_task
from tests.measures.test_notifications import TEST_BROKER, redis_app  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

UNREACHABLE_BROKER = "redis://:broker-secret@127.0.0.1:1/0"


def test_without_a_broker_the_site_is_healthy_and_says_tasks_run_in_process(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    report = response.json()
    assert report["ok"] is True and report["failing"] == []
    assert report["checks"]["database"] == {"ok": True}
    assert report["checks"]["cache"] == {"ok": True}
    assert report["checks"]["broker"] == {"ok": True, "status": "not configured"}
    assert report["checks"]["beat"]["status"] == "not configured"
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.usefixtures("redis_app")
def test_a_reachable_broker_and_a_recent_beat_run_are_healthy(client, settings):
    settings.CELERY_BROKER_URL = TEST_BROKER
    record_beat_run_task.apply()  # as a worker runs what beat sent

    report = client.get("/healthz").json()

    assert report["ok"] is True
    assert report["checks"]["broker"] == {"ok": True}
    last_run = Heartbeat.objects.get(name="beat").last_run
    assert report["checks"]["beat"] == {"ok": True, "last_run": last_run.isoformat()}


def test_a_broken_broker_answers_503_naming_it_quickly_and_without_its_url(client, settings):
    settings.CELERY_BROKER_URL = UNREACHABLE_BROKER
    record_beat_run()

    started = time.monotonic()
    response = client.get("/healthz")

    assert time.monotonic() - started < 5
    assert response.status_code == 503
    report = response.json()
    assert report["failing"] == ["broker"]
    assert report["checks"]["broker"]["ok"] is False
    assert "broker-secret" not in response.content.decode()
    assert "127.0.0.1" not in response.content.decode()


@pytest.mark.usefixtures("redis_app")
@pytest.mark.parametrize(("minutes_ago", "error"), [(None, "not run yet"), (10, "more than 5")])
def test_beat_that_never_ran_or_stopped_answers_503_naming_beat(
    client, settings, minutes_ago, error
):
    settings.CELERY_BROKER_URL = TEST_BROKER
    if minutes_ago is not None:
        record_beat_run(timezone.now() - timedelta(minutes=minutes_ago))

    response = client.get("/healthz")

    assert response.status_code == 503
    report = response.json()
    assert report["failing"] == ["beat"]
    assert error in report["checks"]["beat"]["error"]


def test_healthz_needs_no_login_and_accepts_only_reading(client):
    assert client.get("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
