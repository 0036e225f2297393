"""The test seed is named by what it is built from, so a stale seed is never reused."""

import sys

from tests import seed


def _tree(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_what_the_seed_is_built_from_is_in_its_name():
    files = {path.relative_to(seed.ROOT).as_posix() for path in seed._input_files(seed.ROOT)}

    assert "measures/migrations/0001_initial.py" in files
    assert "measures/data/oyama-ict-plan-r4.txt" in files
    assert "translations/importer.py" in files
    assert "locale/en/LC_MESSAGES/django.po" in files
    assert any(name.startswith("content/en/") for name in files)
    assert not any(name.startswith(("tests/", "templates/", ".cache/", ".git/")) for name in files)


def test_a_changed_input_changes_the_name_and_nothing_else_does(tmp_path):
    _tree(
        tmp_path,
        {
            "app/migrations/0001_initial.py": "operations = []",
            "app/data/report.txt": "第3次",
            "templates/base.html": "<html>",
            "tests/test_app.py": "def test(): pass",
        },
    )
    first = seed.seed_key(tmp_path)

    _tree(tmp_path, {"templates/base.html": "<html lang=ja>", "tests/test_app.py": "# more"})
    assert seed.seed_key(tmp_path) == first

    _tree(tmp_path, {"app/migrations/0002_more.py": "operations = []"})
    second = seed.seed_key(tmp_path)
    assert second != first

    _tree(tmp_path, {"app/data/report.txt": "第4次"})
    assert seed.seed_key(tmp_path) != second


def test_the_name_does_not_depend_on_how_the_process_was_started(monkeypatch):
    """pytest's workers, `python -m tests.seed` and the browser site see the checkout's own
    egg-info through different entries of sys.path (once or twice): the same seed all the same."""
    first = seed.seed_key()
    monkeypatch.syspath_prepend(str(seed.ROOT))
    monkeypatch.setattr(sys, "path", ["", *sys.path])

    assert seed.seed_key() == first


class _Item:
    """What tests/conftest.py reads of a collected test: its marks and its fixtures."""

    def __init__(self, marks=(), fixturenames=()):
        self.marks, self.fixturenames = set(marks), list(fixturenames)

    def get_closest_marker(self, name):
        return name if name in self.marks else None


def test_a_test_uses_the_database_by_its_mark_or_its_fixtures():
    from tests.conftest import uses_database

    assert uses_database(_Item(marks={"django_db"}))
    assert uses_database(_Item(fixturenames=["client", "db"]))
    assert uses_database(_Item(fixturenames=["site_copy", "tmp_path"]))
    assert not uses_database(_Item(fixturenames=["settings", "tmp_path"]))
