"""Shared test set-up: the site is bootstrapped and the whole report imported once per run.

Each test then runs inside a transaction that is rolled back, so tests see the imported plan and
never each other's changes.
"""

import io
import os

import pytest
from django.conf import settings
from django.core.management import call_command

IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("bootstrap_site", "--demo", stdout=io.StringIO())
        call_command("import_plan", stdout=io.StringIO(), stderr=io.StringIO())
        call_command("import_content_translations", stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="ja")


@pytest.fixture
def measure(db):
    def get(number):
        from measures.models import MeasurePage

        return MeasurePage.objects.get(number=number, locale__language_code="ja")

    return get


def pytest_report_header(config):
    return f"database: {settings.DATABASES['default']['ENGINE']}"
