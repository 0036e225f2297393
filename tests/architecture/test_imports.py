"""The project's modules import each other without cycles, and no app uses another's admin views."""

from pathlib import Path

from django.conf import settings

from tests.architecture.imports import admin_view_imports, cycles, import_graph


def _write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_checker_finds_a_cycle_hidden_in_a_function(tmp_path):
    _write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/models.py": "def price():\n    from shop.listing import sort\n",
            "shop/listing.py": "from shop.models import price\n",
            "shop/views.py": "from shop import models\n",
        },
    )
    assert cycles(import_graph(tmp_path)) == [["shop.listing", "shop.models"]]


def test_the_checker_finds_another_apps_admin_views(tmp_path):
    _write(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/admin_views.py": "",
            "shop/hooks.py": "from shop.admin_views import *\n",
            "blog/__init__.py": "",
            "blog/hooks.py": "from shop import admin_views\n",
        },
    )
    assert admin_view_imports(import_graph(tmp_path)) == [("blog.hooks", "shop.admin_views")]


def test_the_project_has_no_import_cycle():
    assert cycles(import_graph(Path(settings.BASE_DIR))) == []


def test_no_app_imports_another_apps_admin_views():
    assert admin_view_imports(import_graph(Path(settings.BASE_DIR))) == []
