"""Production settings refuse unsafe set-ups, and Django's deployment check finds nothing."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "a-production-key-" + "x7Q9" * 16,
    "ALLOWED_HOSTS": "plan.example.jp",
    "DATABASE_URL": "sqlite:////tmp/production-settings-check.sqlite3",
}


def manage(*args, **extra_env):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DEMO_PASSWORD", "TRUST_X_FORWARDED_PROTO", "DATABASE_URL")
    }
    env.update(PRODUCTION, **extra_env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_deployment_check_reports_nothing():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deployment_check_can_fail():
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECURE_SSL_REDIRECT="0")
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


def test_production_refuses_a_demo_password():
    result = manage("check", DEMO_PASSWORD="demo-pass-2026")
    assert result.returncode != 0
    assert "DEMO_PASSWORD is for demo sites" in result.stderr


def test_production_refuses_the_demo_accounts():
    result = manage("bootstrap_site", "--demo")
    assert result.returncode != 0
    assert "--demo is refused" in result.stderr


@pytest.mark.parametrize(("trusted", "header"), [("1", "HTTP_X_FORWARDED_PROTO"), ("0", None)])
def test_the_forwarded_protocol_is_believed_only_behind_the_trusted_proxy(trusted, header):
    code = (
        "import django, os; django.setup(); from django.conf import settings; "
        "print(getattr(settings, 'SECURE_PROXY_SSL_HEADER', None))"
    )
    env = {**os.environ, **PRODUCTION, "TRUST_X_FORWARDED_PROTO": trusted}
    env.pop("DEMO_PASSWORD", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    if header:
        assert header in result.stdout
    else:
        assert result.stdout.strip() == "None"
