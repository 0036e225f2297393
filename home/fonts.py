"""The site's universal-design font: BIZ UDPGothic (BIZ UDGothic for digits), self-hosted.

Generic unicode-range slicing (Google Fonts' order) makes a measure page fetch 490-630 KB per
weight here, because every slice mixes the few characters a page uses with many it does not;
one subset of everything the site shows (~1,200 characters) is still ~260 KB. So the font is cut
from the published text in two layers, one file each per weight:

- the CORE subset: ASCII, kana (ふりがな readings) and every character shown on at least half
  of the pages, with the UI strings; linked from every page, so it is fetched once per visit;
- a PAGE subset per live page: exactly the characters of that page the core lacks (a measure page
  has 50-150), declared in the page's head.

The bold weight is cut only for what the site shows in bold (headings, table headers, terms,
captions and the few bold classes of site.css), which is a fraction of the text.

Characters outside both (a search result, text published before its page was re-cut) fall back
to generic slices of the whole font, a separate family in the stack, cut in code point order so
that their unicode-range stays short. `build_fonts` cuts everything (a deploy step); publishing a
page queues `home.tasks.rebuild_site_font`, which re-cuts that page's subset when it shows new
characters. Files go to the default storage under fonts/, named by content, so they can be
cached for ever; fonts/manifest.json says which files the core and each page use.

With benchmark=True, `build_fonts` also cuts the slices of Fontsource (Google Fonts' order) and a
stylesheet that uses only them: the browser tests compare a measure page's font bytes both ways.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import multiprocessing
import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.cache import cache as django_cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.test import Client
from fontTools import subset
from fontTools.ttLib import TTFont
from wagtail.models import Page

# Korean, Chinese and Vietnamese pages use font stacks that have their glyphs (assets/css/site.css).
FONT_LANGUAGES = ("ja", "en", "pt-br", "es")
DEFAULT_SOURCE_DIR = "/usr/share/fonts/truetype/bizud-gothic"  # Debian fonts-morisawa-bizud-gothic
FONTSOURCE_SLICES_PATH = Path(__file__).parent / "data" / "font-slices.json"
STORAGE_DIR = "fonts"
MANIFEST_NAME = f"{STORAGE_DIR}/manifest.json"
MANIFEST_CACHE_KEY = "home.fonts.manifest"
MANIFEST_CACHE_SECONDS = 60  # a worker's re-cut reaches every web process within a minute
CUT_VERSION = "1"  # bump when the cutting options change: files are named by what went in
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
    proportional: str  # BIZ UDPGothic source file
    monospaced: str  # BIZ UDGothic source file
    always: frozenset  # in the core whatever the pages show


WEIGHTS = (
    # The kana: ふりがな readings, which pages show only on request.
    Weight(400, "BIZUDPGothic-Regular.ttf", "BIZUDGothic-Regular.ttf", ASCII | KANA),
    Weight(700, "BIZUDPGothic-Bold.ttf", "BIZUDGothic-Bold.ttf", ASCII),
)


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


# Sources and cutting


def source_path(name):
    path = Path(getattr(settings, "FONT_SOURCE_DIR", DEFAULT_SOURCE_DIR)) / name
    if not path.is_file():
        raise FontSourceMissing(
            f"{path} not found: install Debian's fonts-morisawa-bizud-gothic or set FONT_SOURCE_DIR"
        )
    return path


@cache
def _source_facts(path):
    """(content digest, code points the font has) of a source font file."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest, frozenset(TTFont(path, lazy=True).getBestCmap())


def cut(path, codepoints):
    """WOFF2 bytes of these code points of the font: unhinted, only what horizontal text needs."""
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "palt", "liga", "ccmp", "locl"]
    options.hinting = False
    options.desubroutinize = True
    options.drop_tables += ["meta", "DSIG", "vhea", "vmtx"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and licence records
    font = TTFont(path)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _cut_job(job):
    return cut(job.source, job.codepoints)


def _digest(*parts):
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:12]


def _plan_cut(stem, source_name, codepoints):
    """The Cut of these code points of a source, named by what goes in (None if nothing does)."""
    source = source_path(source_name)
    digest, held = _source_facts(source)
    codepoints = frozenset(codepoints) & held
    if not codepoints:
        return None
    name = f"{STORAGE_DIR}/{stem}-{_digest(digest, CUT_VERSION, *sorted(codepoints))}.woff2"
    return Cut(name, source, codepoints)


def _make(cuts):
    """Cut the files not yet in storage; in parallel when there are many."""
    missing = [job for job in dict.fromkeys(cuts) if not default_storage.exists(job.file)]
    if len(missing) > 4:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=context) as pool:
            contents = list(pool.map(_cut_job, missing))
    else:
        contents = [_cut_job(job) for job in missing]
    for job, content in zip(missing, contents, strict=True):
        if not default_storage.exists(job.file):
            default_storage.save(job.file, ContentFile(content))


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
    name = f"{STORAGE_DIR}/{stem}-{_digest(text)}.css"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(text.encode()))
    return name


# What the site shows


@dataclass(frozen=True)
class Shown:
    """The characters a page shows, per weight."""

    regular: frozenset
    bold: frozenset

    def weight(self, value):
        return self.bold if value == 700 else self.regular


class _TextCollector(HTMLParser):
    """The text a page shows, with the labels read from attributes, and what of it is bold."""

    SHOWN_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "value"}
    HIDDEN_ELEMENTS = {"script", "style"}
    # Bold in assets/css/site.css: keep the two in step, or bold text falls back to generic slices.
    BOLD_ELEMENTS = {"h1", "h2", "h3", "h4", "h5", "h6", "th", "dt", "caption", "legend", "strong"}
    BOLD_CLASSES = {"site-header__name", "evaluation", "slogan", "result-count"}
    VOID_ELEMENTS = {"br", "hr", "img", "input", "link", "meta", "source", "wbr", "col", "area"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.bold_parts, self._open = [], [], []

    def _is_bold(self, tag, attrs):
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        return (
            tag in self.BOLD_ELEMENTS
            or bool(classes & self.BOLD_CLASSES)
            or "aria-current" in attributes
            or attributes.get("aria-pressed") == "true"
        )

    def handle_starttag(self, tag, attrs):
        self.parts.extend(value for key, value in attrs if key in self.SHOWN_ATTRIBUTES and value)
        if tag not in self.VOID_ELEMENTS:
            self._open.append((tag, self._is_bold(tag, attrs)))

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        if any(tag in self.HIDDEN_ELEMENTS for tag, _bold in self._open):
            return
        self.parts.append(data)
        if any(bold for _tag, bold in self._open):
            self.bold_parts.append(data)


def _characters(parts):
    return frozenset(c for c in "".join(parts) if not c.isspace())


def shown_characters(html):
    collector = _TextCollector()
    collector.feed(html)
    return Shown(_characters(collector.parts), _characters(collector.bold_parts))


def _render(url):
    """The public HTML at url, rendered in-process as a visitor gets it."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    client = Client(HTTP_HOST=base.netloc)
    response = client.get(quote(url, safe="/?=&"), secure=base.scheme == "https")
    return response.content.decode() if response.status_code in (200, 404) else ""


def _live_pages():
    pages = (
        Page.objects.live().public().filter(depth__gt=1, locale__language_code__in=FONT_LANGUAGES)
    )
    return [(page.pk, page.get_url()) for page in pages.specific() if page.get_url()]


def _chrome_urls():
    """Views that are not pages but show the UI strings: an empty search, a missing page."""
    return [
        url
        for language in FONT_LANGUAGES
        for url in (f"/{language}/search/?q=", f"/{language}/fonts-probe-not-found/")
    ]


@contextmanager
def _quiet_not_found():
    """The missing page is rendered on purpose: no "Not Found" warning for it."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def core_characters(weight, pages, chrome):
    """The weight's fixed characters, the UI strings, and what CORE_SHARE of the pages show."""
    counts = Counter(c for shown in pages for c in shown.weight(weight.value))
    threshold = max(1, CORE_SHARE * len(pages))
    common = {c for c, count in counts.items() if count >= threshold}
    return frozenset(weight.always | chrome.weight(weight.value) | common)


# Building


def _codepoints(characters):
    return {ord(c) for c in characters}


def _page_entry(needed):
    """The manifest entry of a page needing these characters per weight, and its cuts."""
    cuts = {
        weight.value: _plan_cut(
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
    source = source_path(weight.proportional)
    _digest_, held = _source_facts(source)
    ordered = sorted(held)
    chunks = [ordered[i : i + FALLBACK_CHUNK] for i in range(0, len(ordered), FALLBACK_CHUNK)]
    cuts = [_plan_cut(f"udpgothic-{weight.value}-fallback", weight.proportional, c) for c in chunks]
    return [(job, f"U+{chunk[0]:x}-{chunk[-1]:x}") for job, chunk in zip(cuts, chunks, strict=True)]


def _fontsource_cuts(weight):
    return [
        job
        for name, codepoints in fontsource_slices()
        if (job := _plan_cut(f"udpgothic-{weight.value}-g{name}", weight.proportional, codepoints))
    ]


def build_fonts(benchmark=False):
    """Cut the cores, every page's subset and the fallback slices; write the manifest.

    benchmark=True also cuts Fontsource's slices and a stylesheet using only them.
    """
    pages = {page_id: shown_characters(_render(url)) for page_id, url in _live_pages()}
    with _quiet_not_found():
        chrome_shown = [shown_characters(_render(url)) for url in _chrome_urls()]
    chrome = Shown(
        frozenset().union(*(s.regular for s in chrome_shown)),
        frozenset().union(*(s.bold for s in chrome_shown)),
    )
    core = {w.value: core_characters(w, list(pages.values()), chrome) for w in WEIGHTS}
    core_cuts = {
        w.value: _plan_cut(f"udpgothic-{w.value}-core", w.proportional, _codepoints(core[w.value]))
        for w in WEIGHTS
    }
    digit_cuts = {
        w.value: _plan_cut(f"udgothic-{w.value}-digits", w.monospaced, _codepoints(DIGITS))
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
    _make(cuts)

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
    url = page.specific.get_url()
    if url is None:
        return False
    shown = shown_characters(_render(url))
    needed = {w.value: shown.weight(w.value) - set(manifest["core"][str(w.value)]) for w in WEIGHTS}
    known = manifest["pages"].get(str(page_id), {}).get("characters", {})
    if all(needed[w] <= set(known.get(str(w), "")) for w in needed):
        return False
    entry, cuts = _page_entry(needed)
    _make(cuts)
    manifest["pages"][str(page_id)] = entry
    _save_manifest(manifest)
    return True


def queue_rebuild_on_publish(sender, instance, **kwargs):
    """page_published receiver; where fonts were never built, `build_fonts` makes the first cut."""
    if current_manifest() is None:
        return
    from home.tasks import rebuild_site_font

    page_id = instance.pk
    transaction.on_commit(lambda: rebuild_site_font.delay(page_id))
