"""Cutting one subset from the shipped sources, and the cache of cut files."""

import io
import threading

import pytest
from django.core.files.storage import default_storage
from fontTools.ttLib import TTFont

from fonts import cutting

REGULAR = "BIZUDPGothic-Regular"
BOLD = "BIZUDPGothic-Bold"
TEXT = "小山市の情報化"


def _codepoints(text):
    return {ord(c) for c in text}


def test_the_sources_ship_with_the_project_under_the_ofl(settings):
    settings.FONT_SOURCE_DIR = ""
    path = cutting.source_path(REGULAR)

    assert path.parent == cutting.SOURCE_DIR
    assert path.suffix == ".woff2"
    licence = (cutting.SOURCE_DIR.parent.parent / "assets" / "fonts" / "OFL.txt").read_text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


def test_a_cut_holds_exactly_the_asked_characters_the_font_has():
    job = cutting.plan_cut("test", REGULAR, _codepoints(TEXT) | {0x10FFFD})  # not in the font

    content = cutting.cut(cutting._source_facts(job.source)[1], job.codepoints)

    font = TTFont(io.BytesIO(content))
    assert content[:4] == b"wOF2"
    assert set(font.getBestCmap()) == _codepoints(TEXT)
    assert "SIL Open Font License" in font["name"].getDebugName(13)


def test_cut_files_are_named_by_source_and_code_points():
    same = cutting.plan_cut("test", REGULAR, _codepoints(TEXT))

    assert cutting.plan_cut("test", REGULAR, _codepoints(TEXT)).file == same.file
    assert cutting.plan_cut("test", REGULAR, _codepoints(TEXT + "計")).file != same.file
    assert cutting.plan_cut("test", BOLD, _codepoints(TEXT)).file.removeprefix(
        "fonts/test-"
    ) != same.file.removeprefix("fonts/test-")
    assert cutting.plan_cut("test", REGULAR, {0x10FFFD}) is None


@pytest.mark.parametrize("cached", [True, False])
def test_a_cut_is_taken_from_the_cache_when_there(settings, tmp_path, cached):
    settings.FONT_CACHE_DIR = tmp_path / "cache"
    settings.MEDIA_ROOT = tmp_path / "media"
    job = cutting.plan_cut("test", REGULAR, _codepoints(TEXT))
    kept = tmp_path / "cache" / "cuts" / job.file.removeprefix("fonts/")
    if cached:
        kept.parent.mkdir(parents=True)
        kept.write_bytes(b"kept from an earlier build")

    cutting.make([job])

    with default_storage.open(job.file) as file:
        stored = file.read()
    assert stored == kept.read_bytes()
    assert (stored == b"kept from an earlier build") is cached


def test_a_build_waits_for_another_cutting_and_takes_its_cuts(settings, tmp_path):
    """Builds started together (the test passes side by side on a new machine) cut once."""
    settings.FONT_CACHE_DIR = tmp_path / "cache"
    settings.MEDIA_ROOT = tmp_path / "media"
    job = cutting.plan_cut("test", REGULAR, _codepoints(TEXT))
    kept = tmp_path / "cache" / "cuts" / job.file.removeprefix("fonts/")
    second_build = threading.Thread(target=cutting.make, args=([job],))

    with cutting._cutting_lock():  # the first build, cutting
        second_build.start()
        second_build.join(timeout=1)
        assert second_build.is_alive()
        kept.parent.mkdir(parents=True)
        kept.write_bytes(b"cut by the first build")
    second_build.join(timeout=60)

    assert not second_build.is_alive()
    with default_storage.open(job.file) as file:
        assert file.read() == b"cut by the first build"
