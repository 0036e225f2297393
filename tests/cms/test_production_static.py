"""With production settings, `collectstatic` fills STATIC_ROOT and the site itself (WhiteNoise)
serves it: hashed names cached for years, compressed copies for browsers that take them."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests.home.test_production_settings import PRODUCTION, manage

pytestmark = pytest.mark.long_running(seconds=49)

# Runs in the production process: asks the site's WSGI application for a stylesheet, a script
# and an unhashed name, and prints what came back.
FETCH = """
import json, sys
import django
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client

client = Client(HTTP_HOST="plan.example.jp")
answers = {}
for name in ("css/site.css", "js/site-menu.js"):
    url = staticfiles_storage.url(name)
    for encoding in ("br", "gzip", ""):
        response = client.get(url, secure=True, HTTP_ACCEPT_ENCODING=encoding)
        answers[f"{name} {encoding}"] = {
            "url": url,
            "status": response.status_code,
            "cache_control": response.get("Cache-Control", ""),
            "encoding": response.get("Content-Encoding", ""),
            "body": b"".join(response.streaming_content).decode("latin-1")[:200],
        }
unhashed = client.get("/static/css/site.css", secure=True)
answers["unhashed"] = {"status": unhashed.status_code, "cache_control": unhashed["Cache-Control"]}
json.dump(answers, sys.stdout)
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    static_root = tmp_path_factory.mktemp("static")
    collected = manage("collectstatic", "--no-input", "-v0", STATIC_ROOT=str(static_root))
    assert collected.returncode == 0, collected.stdout + collected.stderr
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DEMO_PASSWORD", "TRUST_X_FORWARDED_PROTO", "DATABASE_URL")
    }
    env.update(PRODUCTION, STATIC_ROOT=str(static_root))
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", FETCH],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return static_root, json.loads(result.stdout)


def test_collectstatic_writes_hashed_and_compressed_copies(served):
    static_root, _ = served
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"
    assert (static_root / hashed).exists()
    assert (static_root / f"{hashed}.gz").exists()
    assert (static_root / f"{hashed}.br").exists()


@pytest.mark.parametrize("name", ["css/site.css", "js/site-menu.js"])
@pytest.mark.parametrize(("accepted", "encoding"), [("br", "br"), ("gzip", "gzip"), ("", "")])
def test_hashed_files_are_served_compressed_and_cached_for_years(served, name, accepted, encoding):
    _, answers = served
    answer = answers[f"{name} {accepted}"]
    assert answer["url"].startswith("/static/")
    assert answer["url"] != f"/static/{name}", "the page links the hashed name"
    assert answer["status"] == 200
    assert answer["encoding"] == encoding
    directives = {part.strip() for part in answer["cache_control"].split(",")}
    assert "immutable" in directives
    max_age = next(int(part.split("=")[1]) for part in directives if part.startswith("max-age="))
    assert max_age >= 365 * 24 * 60 * 60
    if not encoding:
        assert answer["body"].strip(), "the file itself"


def test_unhashed_names_are_served_but_not_cached_for_long(served):
    _, answers = served
    assert answers["unhashed"]["status"] == 200
    assert "immutable" not in answers["unhashed"]["cache_control"]


def test_development_and_tests_keep_plain_static_files():
    assert settings.STORAGES["staticfiles"]["BACKEND"] == (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )
    assert "whitenoise.middleware.WhiteNoiseMiddleware" not in settings.MIDDLEWARE
