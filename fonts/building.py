"""Building the subsets from the published text, the manifest, and re-cutting one page.

With benchmark=True, `build_fonts` also cuts the slices of Fontsource (Google Fonts' order) and a
stylesheet that uses only them: the browser tests compare a measure page's font bytes both ways.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache as django_cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.models import Page

from fonts.cutting import (
    STORAGE_DIR,
    codepoints_of,
    digest,
    fontsource_slices,
    format_unicode_range,
    make,
    plan_cut,
    source_path,
)
from fonts.shown import FONT_LANGUAGES, chrome_characters, live_pages, page_html, shown_characters

MANIFEST_NAME = f"{STORAGE_DIR}/manifest.json"
MANIFEST_CACHE_KEY = "fonts.manifest"
MANIFEST_CACHE_SECONDS = 60  # a worker's re-cut reaches every web process within a minute
MANIFEST_VERSION = 3
CORE_SHARE = 0.5  # a character on at least this share of the pages goes into the core
FALLBACK_CHUNK = 200  # code points per generic fallback slice
ASCII = frozenset(chr(c) for c in range(0x20, 0x7F))
KANA = frozenset(chr(c) for c in [*range(0x3041, 0x3097), *range(0x30A1, 0x30FD)])
DIGITS = frozenset("0123456789")

BODY_FAMILY = "Plan BIZ UDPGothic"
FALLBACK_FAMILY = "Plan BIZ UDPGothic Fallback"
DIGITS_FAMILY = "Plan BIZ UDGothic"  # monospaced digits line up in tables


@dataclass(frozen=True)
class Weight:
    value: int
    proportional: str  # BIZ UDPGothic source
    monospaced: str  # BIZ UDGothic source
    always: frozenset  # in the core whatever the pages show


WEIGHTS = (
    # The kana: ふりがな readings, which pages show only on request.
    Weight(400, "BIZUDPGothic-Regular", "BIZUDGothic-Regular", ASCII | KANA),
    Weight(700, "BIZUDPGothic-Bold", "BIZUDGothic-Bold", ASCII),
)


def check_sources():
    """Raise FontSourceMissing unless every source font is there."""
    for weight in WEIGHTS:
        source_path(weight.proportional)
        source_path(weight.monospaced)


# Stylesheets


def _rule(family, weight, job, unicode_range=None):
    unicode_range = unicode_range or format_unicode_range(job.codepoints)
    return (
        f'@font-face{{font-family:"{family}";font-style:normal;font-weight:{weight};'
        f'font-display:swap;src:url("{Path(job.file).name}") format("woff2");'
        f"unicode-range:{unicode_range}}}"
    )


def _page_rule(weight, job):
    """A page's @font-face, inline in its head, so its URL is absolute."""
    return _rule(BODY_FAMILY, weight, job).replace(
        f'url("{Path(job.file).name}")', f'url("{default_storage.url(job.file)}")'
    )


def _stylesheet(rules, stem):
    licence = (
        "/* BIZ UDPGothic, BIZ UDGothic: (c) 2022 The BIZ UDGothic Project Authors, SIL OFL 1.1 */"
    )
    text = "\n".join([licence, *rules]) + "\n"
    name = f"{STORAGE_DIR}/{stem}-{digest(text)}.css"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(text.encode()))
    return name


# Building


def core_characters(weight, pages, chrome):
    """The weight's fixed characters, the UI strings, and what CORE_SHARE of the pages show."""
    counts = Counter(c for shown in pages for c in shown.weight(weight.value))
    threshold = max(1, CORE_SHARE * len(pages))
    common = {c for c, count in counts.items() if count >= threshold}
    return frozenset(weight.always | chrome.weight(weight.value) | common)


def _codepoints(characters):
    return {ord(c) for c in characters}


def _page_entry(needed):
    """The manifest entry of a page needing these characters per weight, and its cuts."""
    cuts = {
        weight.value: plan_cut(
            f"udpgothic-{weight.value}-page", weight.proportional, _codepoints(needed[weight.value])
        )
        for weight in WEIGHTS
    }
    cuts = {value: job for value, job in cuts.items() if job}
    entry = {
        "characters": {str(w): "".join(sorted(needed[w])) for w in needed},
        "preload": [job.file for job in cuts.values()],
        "rules": "".join(_page_rule(value, job) for value, job in cuts.items()),
    }
    return entry, list(cuts.values())


def _fallback_cuts(weight):
    """Generic slices of the whole font in code point order: each range is one U+a-b."""
    ordered = sorted(codepoints_of(weight.proportional))
    chunks = [ordered[i : i + FALLBACK_CHUNK] for i in range(0, len(ordered), FALLBACK_CHUNK)]
    cuts = [plan_cut(f"udpgothic-{weight.value}-fallback", weight.proportional, c) for c in chunks]
    return [(job, f"U+{chunk[0]:x}-{chunk[-1]:x}") for job, chunk in zip(cuts, chunks, strict=True)]


def _fontsource_cuts(weight):
    return [
        job
        for name, codepoints in fontsource_slices()
        if (job := plan_cut(f"udpgothic-{weight.value}-g{name}", weight.proportional, codepoints))
    ]


def build_fonts(benchmark=False):
    """Cut the cores, every page's subset and the fallback slices; write the manifest.

    benchmark=True also cuts Fontsource's slices and a stylesheet using only them.
    """
    check_sources()
    pages = {page.pk: shown_characters(page_html(page)) for page in live_pages()}
    chrome = chrome_characters()
    core = {w.value: core_characters(w, list(pages.values()), chrome) for w in WEIGHTS}
    core_cuts = {
        w.value: plan_cut(f"udpgothic-{w.value}-core", w.proportional, _codepoints(core[w.value]))
        for w in WEIGHTS
    }
    digit_cuts = {
        w.value: plan_cut(f"udgothic-{w.value}-digits", w.monospaced, _codepoints(DIGITS))
        for w in WEIGHTS
    }
    fallback = {w.value: _fallback_cuts(w) for w in WEIGHTS}
    entries, cuts = {}, [*core_cuts.values(), *digit_cuts.values()]
    for page_id, shown in pages.items():
        needed = {w.value: shown.weight(w.value) - core[w.value] for w in WEIGHTS}
        if any(needed.values()):
            entries[str(page_id)], page_cuts = _page_entry(needed)
            cuts += page_cuts
    cuts += [job for jobs in fallback.values() for job, _range in jobs]
    generic = {w.value: _fontsource_cuts(w) for w in WEIGHTS} if benchmark else {}
    cuts += [job for jobs in generic.values() for job in jobs]
    make(cuts)

    digit_rules = [_rule(DIGITS_FAMILY, w, job) for w, job in digit_cuts.items()]
    rules = [_rule(BODY_FAMILY, w, job) for w, job in core_cuts.items()]
    rules += [_rule(FALLBACK_FAMILY, w, job, r) for w, jobs in fallback.items() for job, r in jobs]
    manifest = {
        "version": MANIFEST_VERSION,
        "stylesheet": _stylesheet(rules + digit_rules, "faces"),
        "preload": [job.file for job in core_cuts.values()],
        "core": {str(w): "".join(sorted(chars)) for w, chars in core.items()},
        "pages": entries,
    }
    if benchmark:
        generic_rules = [_rule(BODY_FAMILY, w, job) for w, jobs in generic.items() for job in jobs]
        manifest["benchmark_stylesheet"] = _stylesheet(generic_rules + digit_rules, "generic")
    _save_manifest(manifest)
    return manifest


# The manifest


def _save_manifest(manifest):
    if default_storage.exists(MANIFEST_NAME):
        default_storage.delete(MANIFEST_NAME)
    default_storage.save(MANIFEST_NAME, ContentFile(json.dumps(manifest, ensure_ascii=False)))
    django_cache.set(MANIFEST_CACHE_KEY, manifest, MANIFEST_CACHE_SECONDS)


def current_manifest():
    """The manifest of the fonts cut last, or None where build_fonts has not run."""
    manifest = django_cache.get(MANIFEST_CACHE_KEY)
    if manifest is None:
        if not default_storage.exists(MANIFEST_NAME):
            return None
        with default_storage.open(MANIFEST_NAME) as file:
            manifest = json.loads(file.read().decode())
        django_cache.set(MANIFEST_CACHE_KEY, manifest, MANIFEST_CACHE_SECONDS)
    return manifest if manifest.get("version") == MANIFEST_VERSION else None


def page_fonts(manifest, page):
    """(files to preload, inline @font-face rules) of a page: its own subset, if it has one."""
    entry = manifest["pages"].get(str(page.pk)) if page is not None and page.pk else None
    return (entry["preload"], entry["rules"]) if entry else ([], "")


# Keeping the subsets current


def rebuild_page_font(page_id):
    """Re-cut a live page's subset when it shows characters the fonts lack. True if it did."""
    django_cache.delete(MANIFEST_CACHE_KEY)
    manifest = current_manifest()
    page = Page.objects.live().filter(pk=page_id).select_related("locale").first()
    if manifest is None or page is None or page.locale.language_code not in FONT_LANGUAGES:
        return False
    shown = shown_characters(page_html(page.specific))
    needed = {w.value: shown.weight(w.value) - set(manifest["core"][str(w.value)]) for w in WEIGHTS}
    known = manifest["pages"].get(str(page_id), {}).get("characters", {})
    if all(needed[w] <= set(known.get(str(w), "")) for w in needed):
        return False
    entry, cuts = _page_entry(needed)
    make(cuts)
    manifest["pages"][str(page_id)] = entry
    _save_manifest(manifest)
    return True
