"""Shared test set-up: every test starts from the seeded site (tests/seed.py).

The test database is a copy of the seed, made once per pytest process (an in-memory copy of the
seed file on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL), so it holds the bootstrapped
site with its demo accounts, the whole report and its translations in every language. Each test
then runs inside a transaction that is rolled back, so tests see the imported plan and never
each other's changes.
"""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from cms.garbage_collection import freeze_what_is_loaded
from page_cache import tree
from tests import seed

IN_CI = os.environ.get("CI") == "true"
# Set for a second pass on another database (.ci/run's SQLite pass): the tests that use no
# database give the same result on every one, so they are deselected there and run in the
# PostgreSQL pass alone. Deselected, not skipped: they are not part of that pass at all.
DATABASE_TESTS_ONLY = os.environ.get("DATABASE_TESTS_ONLY") == "1"
# A test uses the database when it is marked django_db or asks for one of these fixtures; the
# site_copy fixture gives other processes (workers, commands) a copy of it.
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
    "site_copy",
}


def pytest_collection_finish(session):
    """What is loaded by now (Django, Wagtail, the site's code, the test modules) lives as long
    as the process (cms/garbage_collection.py)."""
    freeze_what_is_loaded()


def uses_database(item):
    return item.get_closest_marker("django_db") is not None or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "long_running(seconds): a test file that takes about that long in CI's PostgreSQL pass; "
        "it is collected first",
    )


def _running_time(item):
    marker = item.get_closest_marker("long_running")
    return marker.kwargs["seconds"] if marker else 0


def pytest_collection_modifyitems(config, items):
    # pytest-xdist (--dist loadfile) hands out whole files in the order they were collected: the
    # longest first, so that none starts last and keeps the other workers waiting. Stable: the
    # tests of a file keep their order.
    items.sort(key=lambda item: -_running_time(item))
    if not DATABASE_TESTS_ONLY:
        return
    kept = [item for item in items if uses_database(item)]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if not uses_database(item)])
        items[:] = kept


def _use_database(name):
    settings.DATABASES["default"]["NAME"] = name
    connection.close()
    connection.settings_dict["NAME"] = name


@pytest.fixture(scope="session")
def django_db_setup(django_db_blocker, django_db_modify_db_settings):
    """Replaces pytest-django's migrate-from-scratch with a copy of the seed."""
    with django_db_blocker.unblock():
        test_name = connection.creation._get_test_db_name()
        original_name = settings.DATABASES["default"]["NAME"]
        if connection.vendor == "postgresql":
            url = os.environ["DATABASE_URL"]
            seed.copy_pg_seed(url, test_name)
            _use_database(test_name)
        else:
            _use_database(test_name)  # in memory: lives as long as the connection stays open
            connection.ensure_connection()
            seed.load_sqlite_seed(connection.connection)
    yield
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            _use_database(original_name)
            seed.drop_pg_database(os.environ["DATABASE_URL"], test_name)


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's language, as a new process does: a request through the test
    client leaves its page's language active in the thread (LocaleMiddleware never resets it),
    and a command called later would print in it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def new_page_tree_memos():
    """Memos of the page tree (page_cache.tree) live in the cache, which outlasts a test's
    rolled-back transaction: what a test published must not show in the next one."""
    cache.delete(tree.GENERATION_KEY)


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
