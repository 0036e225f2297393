"""What /healthz checks: the database, the cache, the Celery broker and beat's last run.

Each check answers in a few seconds at most and names what failed without revealing settings
(no URLs, hosts or passwords): the page needs no login.
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from kombu import Connection

from operations.models import Heartbeat

BEAT = "beat"
# Beat records a run every minute; this long without one means it (or every worker) is down.
BEAT_STALE_AFTER = datetime.timedelta(minutes=5)
BROKER_TIMEOUT_SECONDS = 2
NOT_CONFIGURED = "not configured"


def record_beat_run(now=None):
    Heartbeat.objects.update_or_create(name=BEAT, defaults={"last_run": now or timezone.now()})


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True}


def check_cache():
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        return {"ok": False, "error": "the cache did not keep a value"}
    return {"ok": True}


def check_broker():
    """A connection to CELERY_BROKER_URL; without one, tasks run in-process (eager)."""
    if not settings.CELERY_BROKER_URL:
        return {"ok": True, "status": NOT_CONFIGURED}
    timeouts = {
        "socket_timeout": BROKER_TIMEOUT_SECONDS,
        "socket_connect_timeout": BROKER_TIMEOUT_SECONDS,
    }
    with Connection(
        settings.CELERY_BROKER_URL,
        connect_timeout=BROKER_TIMEOUT_SECONDS,
        transport_options=timeouts,
    ) as broker:
        broker.ensure_connection(max_retries=0, timeout=BROKER_TIMEOUT_SECONDS)
    return {"ok": True}


def check_beat(now=None):
    """The time beat's heartbeat last ran; stale or missing fails when a broker is configured."""
    heartbeat = Heartbeat.objects.filter(name=BEAT).first()
    last_run = heartbeat.last_run if heartbeat else None
    result = {"last_run": last_run.isoformat() if last_run else None}
    if not settings.CELERY_BROKER_URL:
        return {**result, "ok": True, "status": NOT_CONFIGURED}
    if last_run is None:
        return {**result, "ok": False, "error": "beat has not run yet"}
    if (now or timezone.now()) - last_run > BEAT_STALE_AFTER:
        return {**result, "ok": False, "error": "beat has not run for more than 5 minutes"}
    return {**result, "ok": True}


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "beat": check_beat,
}


def run_checks():
    """{"ok": bool, "checks": {part: {"ok": bool, …}}, "failing": [part, …]}."""
    checks = {}
    for part, check in CHECKS.items():
        try:
            checks[part] = check()
        except Exception as error:  # any failure of a part is reported, never raised
            checks[part] = {"ok": False, "error": type(error).__name__}
    failing = [part for part, result in checks.items() if not result["ok"]]
    return {"ok": not failing, "failing": failing, "checks": checks}
