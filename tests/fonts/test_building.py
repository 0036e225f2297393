"""The self-hosted font: cut from the published text, re-cut when a page brings new characters."""

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import override_settings
from fontTools.ttLib import TTFont

from fonts import building

NEW_CHARACTER = "鬱"  # shown nowhere on the site, and in BIZ UDPGothic


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker, tmp_path_factory):
    """Fonts cut once for the module from the session's plan (it only reads the database)."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock():
        cache.delete(building.MANIFEST_CACHE_KEY)
        manifest = building.build_fonts()
        yield media, manifest
    cache.delete(building.MANIFEST_CACHE_KEY)


def _codepoints(media, name):
    return set(TTFont(Path(media) / name).getBestCmap())


def test_pages_link_the_fonts_they_need(client, built, measure):
    font_media, manifest = built
    response = client.get("/ja/measures/1/")
    html = response.content.decode()
    entry = manifest["pages"][str(measure(1).pk)]

    assert f'href="/media/{manifest["stylesheet"]}"' in html
    assert html.count('rel="preload"') == len(manifest["preload"]) + len(entry["preload"])
    page_style = re.search(
        r'<style id="page-fonts" nonce="([^"]+)">@font-face\{font-family:"Plan', html
    )
    assert page_style, "the page's own @font-face rules, with the request's CSP nonce"
    assert f"'nonce-{page_style[1]}'" in response["Content-Security-Policy"]
    assert "font-display:swap" in (font_media / manifest["stylesheet"]).read_text()
    for weight, characters in entry["characters"].items():
        assert set(characters).isdisjoint(manifest["core"][weight])


def test_a_page_subset_holds_what_the_page_shows_beyond_the_core(built, measure):
    font_media, manifest = built
    entry = manifest["pages"][str(measure(1).pk)]
    regular = next(name for name in entry["preload"] if "-400-" in name)

    assert _codepoints(font_media, regular) == {ord(c) for c in entry["characters"]["400"]}


def test_publishing_new_characters_recuts_the_page_subset(
    built, measure, django_capture_on_commit_callbacks
):
    font_media, _manifest = built
    page = measure(1)
    page.situation = f"{page.situation}{NEW_CHARACTER}"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    entry = building.current_manifest()["pages"][str(page.pk)]
    regular = next(name for name in entry["preload"] if "-400-" in name)
    assert NEW_CHARACTER in entry["characters"]["400"]
    assert ord(NEW_CHARACTER) in _codepoints(font_media, regular)


def test_publishing_known_characters_cuts_nothing(built, measure):
    page = measure(2)
    page.save_revision().publish()
    before = building.current_manifest()

    assert building.rebuild_page_font(page.pk) is False
    assert building.current_manifest() == before


def test_without_a_first_build_publishing_queues_nothing(
    settings, tmp_path, measure, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    cache.delete(building.MANIFEST_CACHE_KEY)
    with django_capture_on_commit_callbacks() as callbacks:
        measure(3).save_revision().publish()

    assert building.current_manifest() is None
    assert callbacks == []
