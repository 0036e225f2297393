"""The self-hosted fonts: cut from the published text for every language, re-cut when a page
brings new characters."""

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import override_settings
from fontTools.ttLib import TTFont
from wagtail.models import Locale

from fonts import building

pytestmark = pytest.mark.long_running(seconds=54)

NEW_CHARACTER = "鬱"  # shown nowhere on the site, and in BIZ UDPGothic
JAPANESE, KOREAN, CHINESE, VIETNAMESE = "udpgothic", "notosanskr", "notosanssc", "notosans"
HANGUL = range(0xAC00, 0xD7A4)


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
    preloads = len(manifest["preload"][JAPANESE]) + len(entry["preload"])
    assert html.count('rel="preload"') == preloads
    assert f'<link rel="stylesheet" id="page-fonts" href="/media/{entry["stylesheet"]}">' in html
    page_rules = (font_media / entry["stylesheet"]).read_text()
    assert '@font-face{font-family:"Plan BIZ UDPGothic"' in page_rules
    for name in entry["preload"]:  # beside the stylesheet in storage, so named relatively
        assert f'url("{Path(name).name}")' in page_rules
    assert "<style" not in html
    assert "nonce-" not in response["Content-Security-Policy"]
    assert "font-display:swap" in (font_media / manifest["stylesheet"]).read_text()
    for weight, characters in entry["characters"][JAPANESE].items():
        assert set(characters).isdisjoint(manifest["core"][JAPANESE][weight])


def test_a_page_subset_holds_what_the_page_shows_beyond_the_core(built, measure):
    font_media, manifest = built
    entry = manifest["pages"][str(measure(1).pk)]
    regular = next(name for name in entry["preload"] if f"{JAPANESE}-400-" in name)

    assert _codepoints(font_media, regular) == {
        ord(c) for c in entry["characters"][JAPANESE]["400"]
    }


def test_publishing_new_characters_recuts_the_page_subset(
    built, measure, django_capture_on_commit_callbacks
):
    font_media, _manifest = built
    page = measure(1)
    page.situation = f"{page.situation}{NEW_CHARACTER}"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    entry = building.current_manifest()["pages"][str(page.pk)]
    regular = next(name for name in entry["preload"] if f"{JAPANESE}-400-" in name)
    assert NEW_CHARACTER in entry["characters"][JAPANESE]["400"]
    assert ord(NEW_CHARACTER) in _codepoints(font_media, regular)


def test_publishing_a_measure_recuts_the_pages_that_summarise_it(
    built, measure, home_page, django_capture_on_commit_callbacks
):
    page = measure(4)
    page.title = f"{page.title}{NEW_CHARACTER}"  # the title is on the list and the home page
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    pages = building.current_manifest()["pages"]
    for shown_on in (home_page, page.get_parent()):
        assert NEW_CHARACTER in pages[str(shown_on.pk)]["characters"][JAPANESE]["400"], shown_on


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
    # Other publish receivers leave work for the commit (page_cache.tree); the fonts leave none.
    assert [callback for callback in callbacks if callback.__module__ == "fonts.signals"] == []


def _translation(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def _cut_codepoints(font_media, manifest, entry, face, weight):
    """What the fonts a page links hold of a face at a weight: the core, names and page cuts."""
    stylesheet = (font_media / manifest["stylesheet"]).read_text()
    linked = re.findall(rf'url\("({face}-{weight}-(?:core|names)-[^"]+)"', stylesheet)
    files = [f"fonts/{name}" for name in linked]
    files += [name for name in entry["preload"] if f"{face}-{weight}-page" in name]
    return set().union(*(_codepoints(font_media, name) for name in files))


@pytest.mark.parametrize(
    ("language", "face", "letters"),
    [
        ("ko", KOREAN, lambda c: ord(c) in HANGUL),
        ("zh-hans", CHINESE, lambda c: "\u4e00" <= c <= "\u9fff"),
        ("vi", VIETNAMESE, lambda c: "\u1e00" <= c <= "\u1eff" or c in "ơưăđƠƯĂĐ"),
    ],
)
def test_a_page_in_each_language_is_cut_from_its_own_font(
    client, built, measure, language, face, letters
):
    """Its letters from its face's cuts; the few its font lacks (Japanese forms such as 栃 in
    a Chinese page) from BIZ UD's, the next family of its stack."""
    font_media, manifest = built
    page = _translation(measure(1), language)
    html = client.get(page.url).content.decode()
    shown = building.shown_characters(building.page_html(page))
    entry = manifest["pages"][str(page.pk)]
    own = {ord(c) for c in shown.get(face, 400) if letters(c)}
    source = building.codepoints_of(building.FACES_BY_KEY[face].sources[400])
    page_rules = (font_media / entry["stylesheet"]).read_text()

    assert len(own & source) > 10  # the page is in its language, not a Japanese fallback
    assert own & source <= _cut_codepoints(font_media, manifest, entry, face, 400)
    assert own - source <= _cut_codepoints(font_media, manifest, entry, JAPANESE, 400)
    if any(f"{face}-400-page" in name for name in entry["preload"]):
        family = building.FACES_BY_KEY[face].family
        assert f'font-family:"{family}";font-style:normal;font-weight:400' in page_rules
    for name in manifest["preload"][face]:
        assert f'rel="preload" href="/media/{name}"' in html


def test_japanese_passages_of_a_korean_page_are_cut_from_biz_ud(built, measure):
    font_media, manifest = built
    page = _translation(measure(1), "ko")
    shown = building.shown_characters(building.page_html(page))
    entry = manifest["pages"].get(str(page.pk), {"preload": []})
    japanese = {ord(c) for c in shown.get(JAPANESE, 400)} - set(range(0x80))

    assert japanese  # the footer's division and address, marked lang="ja"
    assert not japanese & set(HANGUL)
    assert japanese <= _cut_codepoints(font_media, manifest, entry, JAPANESE, 400)


def test_every_page_links_the_language_names_in_their_own_fonts(client, built):
    font_media, manifest = built
    stylesheet = (font_media / manifest["stylesheet"]).read_text()
    names = {KOREAN: "한국어", CHINESE: "简体中文", VIETNAMESE: "Tiếng Việt"}

    for face, name in names.items():
        file = re.search(rf'url\("({face}-400-names-[^"]+)"', stylesheet).group(1)
        assert {ord(c) for c in name if c != " "} <= _codepoints(font_media, f"fonts/{file}")
        assert set(name) & set(manifest["core"][face].get("400", "")) == set()
    html = client.get("/ja/").content.decode()
    for name in names.values():
        assert name in html
