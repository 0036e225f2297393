"""Backing up and restoring the site: its database and its media folder (uploads, cut fonts).

A backup is a folder: `database.dump` (PostgreSQL's custom format, `pg_dump -Fc`) or
`database.sqlite3` (a consistent copy made with SQLite's backup API while the site runs), and
`media.tar.gz`. A restore goes into an empty database only, so it never mixes two sites.
"""

import os
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection

POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"


class BackupError(Exception):
    pass


def _postgres_env():
    """libpq's variables for the site's database, so that no password shows in a process list."""
    database = settings.DATABASES["default"]
    values = {
        "PGHOST": database.get("HOST"),
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGDATABASE": database["NAME"],
    }
    return {**os.environ, **{name: value for name, value in values.items() if value}}


def _run(command):
    result = subprocess.run(  # noqa: S603 (our own arguments, no shell)
        command, env=_postgres_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def back_up(folder):
    """Write the database and the media folder into folder (created); returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "postgresql":
        database_file = folder / POSTGRES_DUMP
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", database_file])
    elif connection.vendor == "sqlite":
        database_file = folder / SQLITE_COPY
        connection.ensure_connection()
        copy = sqlite3.connect(database_file)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
    else:
        raise BackupError(f"backups of {connection.vendor} databases are not supported")
    media_file = folder / MEDIA_ARCHIVE
    with tarfile.open(media_file, "w:gz") as archive:
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir():
            archive.add(media, arcname=".")
    return [database_file, media_file]


def _database_is_empty():
    return not connection.introspection.table_names()


def restore(folder):
    """Fill the site's empty database and its media folder from a backup made by back_up()."""
    folder = Path(folder)
    dump = folder / (POSTGRES_DUMP if connection.vendor == "postgresql" else SQLITE_COPY)
    media_file = folder / MEDIA_ARCHIVE
    for required in (dump, media_file):
        if not required.is_file():
            raise BackupError(f"{required} is missing: not a backup of a {connection.vendor} site")
    if not _database_is_empty():
        raise BackupError(
            "the database is not empty: restore into a new, empty database "
            "(see README, Backups), so that no two sites are mixed"
        )
    if connection.vendor == "postgresql":
        connection.close()
        name = settings.DATABASES["default"]["NAME"]
        _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "-d", name, dump])
    else:
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(media_file, "r:gz") as archive:
        archive.extractall(media, filter="data")  # no paths outside the media folder
