"""The seeded database the tests start from, built once and copied for each use.

The seed is what `make setup` makes, less the fonts: migrated, `bootstrap_site --demo`,
`import_plan`, `import_content_translations` (every language), `publish_accessibility_report` (the
accessibility pages in every language, from the committed results). Building it takes minutes, so
it is built once and kept: a SQLite file, or a PostgreSQL database used as a `CREATE DATABASE …
TEMPLATE`.
Each pytest process (each xdist worker) and the browser site then start from a copy, in seconds.

The seed is named by a digest of everything that can change what it holds: every file of the
project outside tests/ that is not a template, stylesheet, script, font or document (so code,
migrations, the bundled report, the translated content and the catalogues), this file, the
installed distributions and their versions, and DEMO_PASSWORD. A change to any of them builds a
new seed; a fresh clone builds its first. Old seeds are removed when a new one is built.

`python -m tests.seed prepare` builds the seed for DATABASE_URL if it is missing.
`python -m tests.seed build [FILE]` (run in a subprocess, with DATABASE_URL pointing at the
database to fill) runs the setup commands in one process; a SQLite seed is built in memory and
then written to FILE, which is much faster than many small transactions on a file.
"""

import fcntl
import hashlib
import importlib.metadata
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
# TEST_SEED_DIR keeps seeds outside the checkout (CI keeps them between clones, as it keeps the
# PostgreSQL seed databases on the server).
SEED_DIR = Path(os.environ.get("TEST_SEED_DIR") or ROOT / ".cache" / "test-seed")
SETUP_COMMANDS = [
    ["migrate", "--no-input"],
    ["bootstrap_site", "--demo"],
    ["import_plan"],
    ["import_content_translations"],
    ["publish_accessibility_report"],
]
# What cannot change the database: documents, the front end, fonts, caches, the tests but this file.
SKIPPED_FOLDERS = {
    ".git",
    ".venv",
    ".cache",
    ".ci",
    "test-results",
    "templates",
    "assets",
    "static",
    "media",
    "node_modules",
    "__pycache__",
    ".ruff_cache",
    ".pytest_cache",
}
SKIPPED_SUFFIXES = {".pyc", ".mo", ".md", ".woff2", ".sqlite3", ".sqlite3-journal"}


def _input_files(root):
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        subfolders[:] = sorted(
            name
            for name in subfolders
            if name not in SKIPPED_FOLDERS
            and not name.endswith(".egg-info")
            and not (here == root and name == "tests")
        )
        for name in sorted(files):
            if Path(name).suffix not in SKIPPED_SUFFIXES:
                yield here / name


def seed_key(root=ROOT):
    """Digest of what the seed is built from (see the module's docstring)."""
    digest = hashlib.sha256()
    for path in [*_input_files(root), Path(__file__).resolve()]:
        name = path.relative_to(root) if path.is_relative_to(root) else path.name
        digest.update(f"{name}".encode() + b"\0" + path.read_bytes() + b"\0")
    # A set: a distribution found twice on sys.path (the project's own egg-info, when the
    # checkout is also the working directory) is one distribution, whoever computes the key.
    distributions = sorted(
        {f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()}
    )
    digest.update("\n".join(distributions).encode())
    digest.update(os.environ.get("DEMO_PASSWORD", "").encode())
    return digest.hexdigest()[:16]


@contextmanager
def _locked(family):
    """One builder or copier of a family of seeds at a time, across processes (xdist workers,
    the browser site); a SQLite and a PostgreSQL seed may be built side by side."""
    SEED_DIR.mkdir(parents=True, exist_ok=True)
    with (SEED_DIR / f"{family}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build(database_url, log_path, *arguments):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "CELERY_BROKER_URL": "",
    }
    with Path(log_path).open("w", encoding="utf-8") as log:
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "tests.seed", "build", *arguments],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
            timeout=1800,
        )
    if result.returncode != 0:
        tail = Path(log_path).read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"building the test seed failed (log {log_path}):\n{tail}")


# PostgreSQL


def is_postgres(url):
    return url.startswith(("postgres://", "postgresql://"))


def _maintenance(url):
    import psycopg

    return psycopg.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")), autocommit=True)


def _with_database(url, name):
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def _pg_databases(url, prefix):
    with _maintenance(url) as connection:
        rows = connection.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", [prefix + "%"]
        )
        return {row[0] for row in rows}


def drop_pg_database(url, name):
    from psycopg import sql

    with _maintenance(url) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def _pg_seed(url):
    """(prefix, name) of the seed database beside url's (built if missing)."""
    from psycopg import sql

    base = urlsplit(url).path.lstrip("/") or "postgres"
    prefix = f"{base}_seed_"
    seed = prefix + seed_key()
    with _locked(prefix):
        existing = _pg_databases(url, prefix)
        if seed not in existing:
            building = f"{seed}_building"
            for old in existing:
                drop_pg_database(url, old)
            for old_log in SEED_DIR.glob(f"{prefix}*.log"):
                old_log.unlink()
            with _maintenance(url) as connection:
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(building)))
            _build(_with_database(url, building), SEED_DIR / f"{seed}.log")
            with _maintenance(url) as connection:
                connection.execute(
                    sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                        sql.Identifier(building), sql.Identifier(seed)
                    )
                )
    return prefix, seed


def copy_pg_seed(url, name):
    """A database called name, a copy of the seed; returns its URL."""
    from psycopg import sql

    prefix, seed = _pg_seed(url)
    drop_pg_database(url, name)
    with _locked(prefix), _maintenance(url) as connection:  # no copy while a seed is built
        connection.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(seed)
            )
        )
    return _with_database(url, name)


# SQLite


def sqlite_seed():
    """The path of the seed SQLite file (built if missing)."""
    seed = SEED_DIR / f"sqlite-{seed_key()}.sqlite3"
    with _locked("sqlite"):
        if not seed.is_file():
            for old in SEED_DIR.glob("sqlite-*"):  # earlier seeds and their logs
                old.unlink()
            building = seed.with_suffix(".building")
            building.unlink(missing_ok=True)
            _build("sqlite://:memory:", seed.with_suffix(".log"), str(building))
            os.replace(building, seed)
    return seed


def copy_sqlite_seed(target):
    """A copy of the seed file at target (a path); returns its URL."""
    shutil.copyfile(sqlite_seed(), target)
    return f"sqlite:///{target}"


def load_sqlite_seed(connection):
    """Fill an open (e.g. in-memory) sqlite3 connection with the seed."""
    seed = sqlite3.connect(sqlite_seed())
    try:
        seed.backup(connection)
    finally:
        seed.close()


def build(sqlite_file=None):
    """Run the setup commands; with sqlite_file, in memory (no disk writes), then saved there."""
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    for command in SETUP_COMMANDS:
        started = time.process_time()
        call_command(*command, stdout=io.StringIO(), stderr=sys.stdout)
        print(f"== {' '.join(command)}: {time.process_time() - started:.0f} s CPU", flush=True)  # noqa: T201
    if sqlite_file:
        target = sqlite3.connect(sqlite_file)
        try:
            connection.connection.backup(target)
        finally:
            target.close()


def prepare():
    """Build the seed for DATABASE_URL now if missing (.ci/run does it beside other work)."""
    url = os.environ.get("DATABASE_URL", "")
    if is_postgres(url):
        print(_pg_seed(url)[1])  # noqa: T201
    else:
        print(sqlite_seed())  # noqa: T201


if __name__ == "__main__" and sys.argv[1:2] == ["build"]:
    build(*sys.argv[2:3])
elif __name__ == "__main__" and sys.argv[1:] == ["prepare"]:
    prepare()
