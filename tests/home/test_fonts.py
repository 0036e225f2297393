"""The self-hosted font: cut from the published text, re-cut when a page brings new characters."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from fontTools.ttLib import TTFont

from home import fonts
from tests.conftest import IN_CI

FONT_CACHE = settings.BASE_DIR / "test-results" / "font-cache"
NEW_CHARACTER = "鬱"  # shown nowhere on the site, and in BIZ UDPGothic


def _font_sources_or_skip():
    try:
        fonts.source_path(fonts.WEIGHTS[0].proportional)
    except fonts.FontSourceMissing as error:
        if IN_CI:
            pytest.fail(str(error))
        pytest.skip(str(error))


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker, tmp_path_factory):
    """Fonts cut once for the module from the session's plan (it only reads the database)."""
    _font_sources_or_skip()
    media = tmp_path_factory.mktemp("media")
    (media / "fonts").mkdir()
    for file in FONT_CACHE.glob("*fallback*.woff2"):  # cut by earlier runs, named by content
        shutil.copy2(file, media / "fonts" / file.name)
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock():
        cache.delete(fonts.MANIFEST_CACHE_KEY)
        manifest = fonts.build_fonts()
        yield media, manifest
    cache.delete(fonts.MANIFEST_CACHE_KEY)


def _codepoints(media, name):
    return set(TTFont(Path(media) / name).getBestCmap())


def test_pages_link_the_fonts_they_need(client, built, measure):
    font_media, manifest = built
    html = client.get("/ja/measures/1/").content.decode()
    entry = manifest["pages"][str(measure(1).pk)]

    assert f'href="/media/{manifest["stylesheet"]}"' in html
    assert html.count('rel="preload"') == len(manifest["preload"]) + len(entry["preload"])
    assert '<style id="page-fonts">@font-face{font-family:"Plan BIZ UDPGothic"' in html
    assert "font-display:swap" in (font_media / manifest["stylesheet"]).read_text()
    for weight, characters in entry["characters"].items():
        assert set(characters).isdisjoint(manifest["core"][weight])


def test_publishing_new_characters_recuts_the_page_subset(
    built, measure, django_capture_on_commit_callbacks
):
    font_media, _manifest = built
    page = measure(1)
    page.situation = f"{page.situation}{NEW_CHARACTER}"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    entry = fonts.current_manifest()["pages"][str(page.pk)]
    regular = next(name for name in entry["preload"] if "-400-" in name)
    assert NEW_CHARACTER in entry["characters"]["400"]
    assert ord(NEW_CHARACTER) in _codepoints(font_media, regular)


def test_publishing_known_characters_cuts_nothing(built, measure):
    page = measure(2)
    page.save_revision().publish()
    before = fonts.current_manifest()

    assert fonts.rebuild_page_font(page.pk) is False
    assert fonts.current_manifest() == before


def test_without_a_first_build_publishing_queues_nothing(
    settings, tmp_path, measure, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    cache.delete(fonts.MANIFEST_CACHE_KEY)
    with django_capture_on_commit_callbacks() as callbacks:
        measure(3).save_revision().publish()

    assert fonts.current_manifest() is None
    assert callbacks == []
