"""backup_site and restore_site: a backup of the site restored into a new, empty database holds
the same pages, revisions, workflow states and history, and serves the same pages.

Runs on both databases: pg_dump/pg_restore on PostgreSQL, SQLite's backup API on SQLite.
"""

import io
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from tests import seed
from tests.editorial.test_outbox import site_copy  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.long_running(seconds=57)]

ROOT = Path(__file__).resolve().parents[2]
MEASURE_URL = "/ja/measures/8/"
SERVE = (
    "import django, sys; django.setup(); from django.test import Client; "
    "sys.stdout.write(Client(HTTP_HOST='127.0.0.1').get(sys.argv[1]).content.decode())"
)


def compared_tables():
    """Pages, revisions, workflow and task states, and every django-simple-history table."""
    wagtail = ["wagtailcore_page", "wagtailcore_revision", "wagtailcore_workflowstate"]
    history = [m._meta.db_table for m in apps.get_models() if m.__name__.startswith("Historical")]
    assert history, "no django-simple-history tables found"
    return [*wagtail, "wagtailcore_taskstate", *history]


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a new, empty database of the kind the tests run on."""
    url = os.environ.get("DATABASE_URL", "")
    if not seed.is_postgres(url):
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    from psycopg import sql

    name = f"{urlsplit(url).path.lstrip('/') or 'postgres'}_restored_{os.getpid()}"
    seed.drop_pg_database(url, name)
    with seed._maintenance(url) as maintenance:
        maintenance.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield seed._with_database(url, name)
    seed.drop_pg_database(url, name)


def open_database(url):
    """A raw DB-API connection to url, reading values as the test's own connection does."""
    if seed.is_postgres(url):
        import psycopg

        return psycopg.connect(url)
    return sqlite3.connect(
        urlsplit(url).path, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES
    )


def rows(raw_connection, table):
    cursor = raw_connection.cursor()
    cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 (our own table names)
    return sorted(cursor.fetchall(), key=repr)  # history rows share their object's id


def manage(env, *arguments):
    return subprocess.run(  # noqa: S603
        [sys.executable, *arguments],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def without_tokens(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_a_restored_backup_holds_and_serves_the_same_site(site_copy, empty_database, tmp_path):  # noqa: F811
    """A site with a change under review and an upload, backed up and restored elsewhere."""
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "upload.txt").write_text("アップロード", encoding="utf-8")
    site = {"DATABASE_URL": site_copy, "MEDIA_ROOT": str(media)}
    copy = {"DATABASE_URL": empty_database, "MEDIA_ROOT": str(tmp_path / "restored-media")}
    backup = str(tmp_path / "backup")
    for env, arguments in [
        (site, ["-m", "tests.editorial.submission", "2"]),
        (site, ["manage.py", "backup_site", backup]),
        (copy, ["manage.py", "restore_site", backup]),
    ]:
        result = manage(env, *arguments)
        assert result.returncode == 0, result.stderr

    original, restored = open_database(site_copy), open_database(empty_database)
    compared = {table: rows(original, table) for table in compared_tables()}
    for table, expected in compared.items():
        assert rows(restored, table) == expected, table
    original.close()
    restored.close()
    for table in ["wagtailcore_page", "wagtailcore_revision", "wagtailcore_workflowstate"]:
        assert compared[table], f"the site has no {table} rows to compare"
    assert sum(len(found) for table, found in compared.items() if "historical" in table) > 0
    restored_upload = tmp_path / "restored-media" / "documents" / "upload.txt"
    assert restored_upload.read_text(encoding="utf-8") == "アップロード"

    served = [manage(env, "-c", SERVE, MEASURE_URL) for env in (site, copy)]
    assert [result.returncode for result in served] == [0, 0], served[1].stderr
    assert "<h1" in served[0].stdout
    assert without_tokens(served[1].stdout) == without_tokens(served[0].stdout)


def test_a_restore_never_goes_into_a_database_that_holds_a_site(tmp_path):
    call_command("backup_site", str(tmp_path / "backup"), stdout=io.StringIO())

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_site", str(tmp_path / "backup"))


def test_a_folder_that_is_no_backup_is_refused(tmp_path):
    with pytest.raises(CommandError, match="is missing"):
        call_command("restore_site", str(tmp_path))
