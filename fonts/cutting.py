"""Cutting subsets of the source fonts, and the cache of what was cut.

The sources are the OFL fonts shipped in fonts/sources/ as WOFF2 (FONT_SOURCE_DIR may point at
another folder of .woff2 or .ttf files of the same names). A cut file is
named by a digest of what goes into it: the source file's bytes, the fontTools version and cutting
options, and the code points. So a name says everything about its content, and cut files are kept
in FONT_CACHE_DIR between builds: a build only cuts what no earlier build (of any site, on any
database) has cut.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import json
import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import fontTools
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE_DIR = Path(__file__).parent / "sources"
SOURCE_SUFFIXES = (".woff2", ".ttf")
FONTSOURCE_SLICES_PATH = Path(__file__).parent / "data" / "font-slices.json"
STORAGE_DIR = "fonts"
PARALLEL_ABOVE = 4  # cut in worker processes when more files than this are missing


class FontSourceMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Cut:
    """One font file to make: these code points of a source font."""

    file: str
    source: Path
    codepoints: frozenset


# Unicode ranges


def parse_unicode_range(text):
    codepoints = set()
    for part in text.split(","):
        bounds = part.strip().removeprefix("U+").split("-")
        codepoints.update(range(int(bounds[0], 16), int(bounds[-1], 16) + 1))
    return codepoints


def format_unicode_range(codepoints):
    runs = []
    for codepoint in sorted(codepoints):
        if runs and codepoint == runs[-1][1] + 1:
            runs[-1][1] = codepoint
        else:
            runs.append([codepoint, codepoint])
    return ",".join(f"U+{a:x}" if a == b else f"U+{a:x}-{b:x}" for a, b in runs)


@cache
def fontsource_slices():
    """(name, code points) of Fontsource's slices: Google Fonts' frequency order."""
    data = json.loads(FONTSOURCE_SLICES_PATH.read_text(encoding="utf-8"))
    return tuple(
        (s["name"], frozenset(parse_unicode_range(s["unicode_range"]))) for s in data["slices"]
    )


# Sources


def source_dir():
    return Path(getattr(settings, "FONT_SOURCE_DIR", "") or SOURCE_DIR)


def cache_dir():
    return Path(settings.FONT_CACHE_DIR)


def source_path(stem):
    """The source font file of this name (without suffix), WOFF2 preferred."""
    folder = source_dir()
    for suffix in SOURCE_SUFFIXES:
        path = folder / f"{stem}{suffix}"
        if path.is_file():
            return path
    raise FontSourceMissing(
        f"{folder / stem}.woff2 (or .ttf) not found: the fonts ship in fonts/sources/; "
        "FONT_SOURCE_DIR, if set, must hold them"
    )


def _write_atomically(path, content):
    """Concurrent builds may write the same file: each writes a whole one, then renames it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as file:
        file.write(content)
    os.replace(file.name, path)


@cache
def _source_facts(path):
    """(content digest, a TrueType file to cut from, code points) of a source font file.

    WOFF2 takes seconds to decompress, so each cut would pay for it: the decompressed font is
    kept in the cache folder, named by the source's digest.
    """
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    truetype = path
    if path.suffix == ".woff2":
        truetype = cache_dir() / "sources" / f"{path.stem}-{digest[:16]}.ttf"
        if not truetype.is_file():
            font = TTFont(path)
            font.flavor = None
            out = io.BytesIO()
            font.save(out)
            _write_atomically(truetype, out.getvalue())
    return digest, truetype, frozenset(TTFont(truetype, lazy=True).getBestCmap())


def codepoints_of(stem):
    """Every code point the source font has."""
    return _source_facts(source_path(stem))[2]


# Cutting


def _options():
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "palt", "liga", "ccmp", "locl"]
    options.hinting = False
    options.desubroutinize = True
    options.drop_tables += ["meta", "DSIG", "vhea", "vmtx"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and licence records
    return options


@cache
def _cutter_signature():
    """What besides source and code points decides a cut's bytes: fontTools and its options."""
    return f"fonttools {fontTools.version} woff2 {sorted(vars(_options()).items())!r}"


def cut(truetype, codepoints):
    """WOFF2 bytes of these code points of the font: unhinted, only what horizontal text needs."""
    font = TTFont(truetype)
    options = _options()
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    # The subsetter keeps the flavour of the font it was given, here the decompressed TrueType.
    font.flavor = options.flavor
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _cut_job(job):
    return cut(_source_facts(job.source)[1], job.codepoints)


def digest(*parts):
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:12]


def plan_cut(stem, source_stem, codepoints):
    """The Cut of these code points of a source, named by what goes in (None if nothing does)."""
    source = source_path(source_stem)
    source_digest, _truetype, held = _source_facts(source)
    codepoints = frozenset(codepoints) & held
    if not codepoints:
        return None
    key = digest(source_digest, _cutter_signature(), *sorted(codepoints))
    return Cut(f"{STORAGE_DIR}/{stem}-{key}.woff2", source, codepoints)


def make(cuts):
    """Put the files not yet in storage there: from the cache, or cut (in parallel if many)."""
    missing = [job for job in dict.fromkeys(cuts) if not default_storage.exists(job.file)]
    cached = cache_dir() / "cuts"
    if any(not (cached / Path(job.file).name).is_file() for job in missing):
        with _cutting_lock():
            _cut_into(cached, missing)
    for job in missing:
        if not default_storage.exists(job.file):
            content = (cached / Path(job.file).name).read_bytes()
            default_storage.save(job.file, ContentFile(content))


@contextmanager
def _cutting_lock():
    """One build cuts at a time: builds started together on a new machine (the test passes side
    by side, a worker and `build_fonts`) need the same files, and each would cut them all with
    every core. The others wait, then find what the first one cut in the cache."""
    lock_path = cache_dir() / "cutting.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _cut_into(cached, jobs):
    """Cut what the cache folder does not hold yet (looked at again once the lock is held)."""
    to_cut = [job for job in jobs if not (cached / Path(job.file).name).is_file()]
    if to_cut:
        for source in {job.source for job in to_cut}:
            _source_facts(source)  # decompress each source once, before the workers fork
        with ExitStack() as stack:
            if len(to_cut) > PARALLEL_ABOVE:
                context = multiprocessing.get_context("fork")
                pool = ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=context)
                contents = stack.enter_context(pool).map(_cut_job, to_cut)
            else:
                contents = map(_cut_job, to_cut)
            for job, content in zip(to_cut, contents, strict=True):  # kept as each is done
                _write_atomically(cached / Path(job.file).name, content)
