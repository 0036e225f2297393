"""A copy of a seeded site, run as production runs it: cms.settings.production under gunicorn.

The site's environment is what README's configuration table asks of a deployment: its own
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, STAFF_2FA_REQUIRED on, no DEMO_PASSWORD, behind a proxy
that says HTTPS (TRUST_X_FORWARDED_PROTO). Tasks run in-process (no CELERY_BROKER_URL), mails go
to files. The static files are collected as the compose file's web service does before gunicorn.
"""

import json
import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

from operations.loadtest.browser import Browser

WORKERS = 2
# Set in the copy's environment only: prepare_load_test changes passwords and submits changes.
COPY_MARKER = "LOAD_TEST_SITE_COPY"


def seeded_database():
    """The test suite's seed (tests/seed.py, built if missing: a few minutes the first time)."""
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "tests.seed", "prepare"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(result.stdout.split()[-1])


def copy_database(source, target):
    """A consistent copy with SQLite's backup API, also of a database a site is using."""
    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ProductionSite:
    """variables: more of the environment (FRONTEND_CACHE_URL, PAGE_CACHE_SECONDS…)."""

    def __init__(self, work_dir, port, variables=None):
        self.work_dir = Path(work_dir)
        self.port = port
        self.variables = variables or {}
        self.database = self.work_dir / "site.sqlite3"
        self.log = self.work_dir / "gunicorn.log"
        self.worker_log = self.work_dir / "celery.log"
        self.process = None
        self.worker = None

    def environment(self):
        inherited = {
            k: v
            for k, v in os.environ.items()
            if k
            not in {
                "DEMO_PASSWORD",
                "CELERY_BROKER_URL",
                "EMAIL_HOST",
                "SEARCH_URL",
                "CACHE_URL",
                "FRONTEND_CACHE_URL",
            }
        }
        return {
            **inherited,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{self.database}",
            "STAFF_2FA_REQUIRED": "1",
            "TRUST_X_FORWARDED_PROTO": "1",
            "STATIC_ROOT": str(self.work_dir / "static"),
            "MEDIA_ROOT": str(self.work_dir / "media"),
            "EMAIL_FILE_PATH": str(self.work_dir / "mail"),
            "WAGTAILADMIN_BASE_URL": f"https://127.0.0.1:{self.port}",
            # The copy's own page cache, shared by its workers: not the checkout's.
            "CACHE_URL": f"file://{self.work_dir / 'django-cache'}",
            "PYTHONPATH": str(settings.BASE_DIR),
            COPY_MARKER: "1",
            **self.variables,
        }

    def manage(self, *arguments):
        """A management command run in the site's environment; returns its standard output."""
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *arguments],
            cwd=settings.BASE_DIR,
            env=self.environment(),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(arguments)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def _spawn(self, log_path, *module_and_arguments):
        """python -m … in the site's environment, its output to log_path."""
        with log_path.open("w") as log:
            return subprocess.Popen(  # noqa: S603
                [sys.executable, "-m", *module_and_arguments],
                cwd=settings.BASE_DIR,
                env=self.environment(),
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def start(self):
        """gunicorn, and for a CELERY_BROKER_URL in variables the Celery worker the compose file
        runs beside it (what an earlier run left queued there is dropped: --purge)."""
        self.process = self._spawn(
            self.log,
            "gunicorn",
            "cms.wsgi",
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={WORKERS}",
            # No control interface: its socket's default path is shared by every gunicorn of
            # the user.
            "--no-control-socket",
        )
        if self.variables.get("CELERY_BROKER_URL"):
            self.worker = self._spawn(
                self.worker_log,
                *("celery", "-A", "cms", "worker", "--concurrency=1", "--purge"),
                *("--without-gossip", "--without-mingle", "--loglevel=WARNING"),
            )
        try:
            self._wait_until_healthy()
        except RuntimeError:
            self.stop()
            raise

    def _healthy(self):
        """/healthz answers that every part works; with a worker, beat's heartbeat aside: the copy
        runs no beat (nothing it schedules is measured), so none is recorded."""
        answer = Browser("127.0.0.1", self.port).get("/healthz")
        if answer.status == 200:
            return True
        return bool(self.worker) and json.loads(answer.body).get("failing") == ["beat"]

    def _wait_until_healthy(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped; see {self.log}")
            try:
                if self._healthy():
                    return
            except (OSError, ValueError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"the site did not become healthy in {seconds} s; see {self.log}")

    def stop(self):
        for process in (self.worker, self.process):
            if process and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
        self.worker = None
