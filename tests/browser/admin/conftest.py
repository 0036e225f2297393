"""Staff journeys in the admin, in Chromium, as a person takes them: logging in through the form
and clicking what is on the screen.

Every journey runs against the browser site (tests/browser/conftest.py), whose database is not
rolled back: each journey works on measures and terms no other journey touches. A journey fails
on any HTTP 5xx answer and on any error the browser's console reports.
"""

import email
import json
import subprocess
import sys
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

# The admin renders big forms on a small shared machine: wait as long as a patient person would.
WAIT_MS = 30_000
expect.set_options(timeout=WAIT_MS)


PASSWORD = "demo-pass-2026"


@dataclass
class Problems:
    """What went wrong in the browser during a journey."""

    found: list = field(default_factory=list)

    def watch(self, page, who):
        page.on(
            "response",
            lambda r: (
                self.found.append(f"{who}: HTTP {r.status} {r.url}") if r.status >= 500 else None
            ),
        )
        page.on(
            "console",
            lambda m: self.found.append(f"{who}: console {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda error: self.found.append(f"{who}: script error {error}"))

    def _response(self, who, response):
        if response.status >= 500:
            self.found.append(f"{who}: HTTP {response.status} {response.url}")


@pytest.fixture
def staff(browser, site_url):
    """staff(username) → a Playwright page of that user, logged in through the login form."""
    problems = Problems()
    contexts = []

    def log_in(username, locale="ja-JP"):
        context = browser.new_context(
            viewport={"width": 1280, "height": 1000}, locale=locale, base_url=site_url
        )
        contexts.append(context)
        context.set_default_timeout(WAIT_MS)
        page = context.new_page()
        problems.watch(page, username)
        page.goto("/admin/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("form button[type=submit]").click()
        page.wait_for_url(f"{site_url}/admin/")
        return page

    yield log_in
    for context in contexts:
        context.close()
    assert problems.found == []


@pytest.fixture
def reader(browser, site_url):
    """An anonymous reader's page."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, base_url=site_url)
    yield context.new_page()
    context.close()


@pytest.fixture
def page_id(site_url):
    """page_id(locale, number) → the id of that measure page, from the site's read API;
    page_id(locale, page_type="measures.MeasureIndexPage") → the measure list's."""

    def find(locale, number=None, page_type="measures.MeasurePage"):
        query = f"/api/v2/pages/?type={page_type}&locale={locale}"
        if number is not None:
            query += f"&slug={number}"
        with urllib.request.urlopen(site_url + query, timeout=10) as response:  # noqa: S310
            [item] = json.load(response)["items"]
        return item["id"]

    return find


@pytest.fixture
def mailbox(site_env):
    """mailbox() → every mail the site has written so far, as (to, subject, body)."""
    folder = Path(site_env["EMAIL_FILE_PATH"])

    def read():
        mails = []
        for path in sorted(folder.glob("*.log")) if folder.exists() else []:
            for raw in path.read_text(encoding="utf-8").split("-" * 79):
                if raw.strip():
                    message = email.message_from_string(raw.strip())
                    body = message.get_payload(decode=True) or b""
                    subject = str(
                        email.header.make_header(email.header.decode_header(message["Subject"]))
                    )
                    mails.append((message["To"], subject, body.decode("utf-8")))
        return mails

    return read


@pytest.fixture
def manage(site_env):
    """manage(*args) → runs a management command on the browser site's database."""

    def run(*args):
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=site_env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        ).stdout

    return run
