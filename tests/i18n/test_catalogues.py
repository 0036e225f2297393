"""The interface catalogues: complete in all six languages, and up to date with the code."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CATALOGUES = ["en", "pt_BR", "es", "zh_Hans", "ko", "vi"]
SKIPPED = {
    ".venv",
    ".git",
    ".cache",
    "test-results",
    "locale",
    "media",
    "static",
    "node_modules",
    "__pycache__",
}


def catalogue(lang, root=ROOT):
    return polib.pofile(str(root / "locale" / lang / "LC_MESSAGES" / "django.po"))


def keys(po):
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in po if not e.obsolete}


@pytest.mark.parametrize("lang", CATALOGUES)
def test_catalogue_has_no_empty_or_fuzzy_entries(lang):
    po = catalogue(lang)
    assert len(po) > 100
    untranslated = [e.msgid for e in po.untranslated_entries() if not e.obsolete]
    assert untranslated == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    for entry in po:
        if entry.msgid_plural:
            assert all(form.strip() for form in entry.msgstr_plural.values()), entry.msgid


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    """makemessages run on a copy of the code, as `make messages` would run it."""
    copy = tmp_path_factory.mktemp("project")
    for item in ROOT.iterdir():
        if item.name in SKIPPED or item.suffix == ".sqlite3":
            continue
        if item.is_dir():
            shutil.copytree(
                item, copy / item.name, ignore=shutil.ignore_patterns("__pycache__", "*.woff2")
            )
        else:
            shutil.copy2(item, copy / item.name)
    (copy / "locale").mkdir()
    command = [sys.executable, "manage.py", "makemessages", "--no-location", "--no-obsolete"]
    command += ["--ignore", "tests/*", "--ignore", "static/*", "-v0"]
    for lang in CATALOGUES:
        command += ["-l", lang]
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    subprocess.run(command, cwd=copy, check=True, env=env)  # noqa: S603
    return copy


@pytest.mark.parametrize("lang", CATALOGUES)
def test_makemessages_would_not_change_the_catalogue(fresh_catalogues, lang):
    committed = keys(catalogue(lang))
    extracted = keys(catalogue(lang, fresh_catalogues))
    assert extracted - committed == set(), "strings not in the catalogue: run make messages"
    assert committed - extracted == set(), "strings no longer used: run make messages"
