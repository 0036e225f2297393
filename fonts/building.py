"""Building the subsets from the published text, the manifest, and re-cutting one page.

Each face of fonts.faces (BIZ UDPGothic for Japanese, English, Portuguese and Spanish; Noto Sans
KR, SC and Noto Sans for Korean, Chinese and Vietnamese) is cut the same way, for the pages of
its languages: a core (what half of those pages show, and the interface strings) and a subset
per page of what the core lacks. A character of a face's text that the face lacks is drawn by
the next family of the stack, BIZ UDPGothic, and so cut from it.

The language switcher shows each language's name in its own script on every page: what pages of
other languages show in a face (한국어, 简体中文, Tiếng Việt) is its NAMES cut, a few glyphs,
so that a Japanese page does not fetch the Korean core for three syllables.

With benchmark=True, `build_fonts` also cuts the slices of Fontsource (Google Fonts' order) and a
stylesheet that uses only them for BIZ UDPGothic: the browser tests compare a measure page's font
bytes both ways.
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
from fonts.faces import FACES, FACES_BY_KEY, JAPANESE, WEIGHT_VALUES, face_of
from fonts.shown import Shown, chrome_characters, live_pages, page_html, shown_characters
from page_cache.affected import everything
from page_cache.purge import purge_on_commit

MANIFEST_NAME = f"{STORAGE_DIR}/manifest.json"
MANIFEST_CACHE_KEY = "fonts.manifest"
MANIFEST_CACHE_SECONDS = 60  # a worker's re-cut reaches every web process within a minute
MANIFEST_VERSION = 5
CORE_SHARE = 0.5  # a character on at least this share of a face's pages goes into its core
FALLBACK_CHUNK = 200  # code points per generic fallback slice
ASCII = frozenset(chr(c) for c in range(0x20, 0x7F))
KANA = frozenset(chr(c) for c in [*range(0x3041, 0x3097), *range(0x30A1, 0x30FD)])
DIGITS = frozenset("0123456789")

BODY_FAMILY = JAPANESE.family
FALLBACK_FAMILY = JAPANESE.fallback_family
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
ALWAYS = {(JAPANESE.key, w.value): w.always for w in WEIGHTS}


def check_sources():
    """Raise FontSourceMissing unless every source font is there."""
    for weight in WEIGHTS:
        source_path(weight.monospaced)
    for face in FACES:
        for stem in face.sources.values():
            source_path(stem)


def _held(face, weight):
    return codepoints_of(face.sources[weight])


# Which face draws what


def drawn_by_face(shown):
    """Shown: each character under the face that draws it, the first of its text's stack that
    has it (BIZ UDPGothic after every other face; what no face has stays with it)."""
    drawn = {}
    for (key, weight), characters in shown.characters.items():
        face = FACES_BY_KEY[key]
        held = _held(face, weight) if face is not JAPANESE else None
        for character in characters:
            target = key if held is None or ord(character) in held else JAPANESE.key
            drawn.setdefault((target, weight), set()).add(character)
    return Shown({key: frozenset(chars) for key, chars in drawn.items()})


def _face_pages(pages, face):
    return [shown for language, shown in pages if face_of(language) is face]


# Stylesheets


def _rule(family, weight, job, unicode_range=None):
    unicode_range = unicode_range or format_unicode_range(job.codepoints)
    return (
        f'@font-face{{font-family:"{family}";font-style:normal;font-weight:{weight};'
        f'font-display:swap;src:url("{Path(job.file).name}") format("woff2");'
        f"unicode-range:{unicode_range}}}"
    )


def _stylesheet(rules, stem):
    licences = "\n".join(f"/* {face.licence} */" for face in FACES)
    text = "\n".join([licences, *rules]) + "\n"
    name = f"{STORAGE_DIR}/{stem}-{digest(text)}.css"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(text.encode()))
    return name


# Building


def core_characters(key, weight, pages, chrome):
    """A face's fixed characters at a weight, its interface strings, and what CORE_SHARE of
    its pages show."""
    counts = Counter(c for shown in pages for c in shown.get(key, weight))
    threshold = max(1, CORE_SHARE * len(pages))
    common = {c for c, count in counts.items() if count >= threshold}
    return frozenset(ALWAYS.get((key, weight), frozenset()) | chrome.get(key, weight) | common)


def _codepoints(characters):
    return {ord(c) for c in characters}


def _characters_table(characters):
    """{face key: {weight: characters}} of a {(face key, weight): characters} mapping."""
    table = {}
    for (key, weight), chars in characters.items():
        if chars:
            table.setdefault(key, {})[str(weight)] = "".join(sorted(chars))
    return table


def _from_table(table):
    return {
        (key, int(weight)): frozenset(chars)
        for key, weights in table.items()
        for weight, chars in weights.items()
    }


def _page_entry(needed):
    """The manifest entry of a page needing these {(face key, weight): characters}, its cuts.

    The page's @font-face rules go to a stylesheet of their own, named by its content like the
    cuts, not inline: an inline <style> would need the request's CSP nonce, and a page whose HTML
    differs per response could not be cached."""
    rules, cuts = [], []
    for face in FACES:
        for weight in WEIGHT_VALUES:
            characters = needed.get((face.key, weight), ())
            job = plan_cut(
                f"{face.key}-{weight}-page", face.sources[weight], _codepoints(characters)
            )
            if job:
                rules.append(_rule(face.family, weight, job))
                cuts.append(job)
    entry = {
        "characters": _characters_table(needed),
        "preload": [job.file for job in cuts],
        "stylesheet": _stylesheet(rules, "page"),
    }
    return entry, cuts


def _page_needs(shown, fixed):
    """What a page shows (Shown) beyond what every page links (fixed: (face key, weight):
    characters)."""
    drawn = drawn_by_face(shown)
    return {key: chars - fixed.get(key, frozenset()) for key, chars in drawn.characters.items()}


def _fallback_cuts(face, weight):
    """Generic slices of the whole font in code point order: each range is one U+a-b."""
    ordered = sorted(_held(face, weight))
    chunks = [ordered[i : i + FALLBACK_CHUNK] for i in range(0, len(ordered), FALLBACK_CHUNK)]
    stem = f"{face.key}-{weight}-fallback"
    cuts = [plan_cut(stem, face.sources[weight], chunk) for chunk in chunks]
    return [(job, f"U+{chunk[0]:x}-{chunk[-1]:x}") for job, chunk in zip(cuts, chunks, strict=True)]


def _fontsource_cuts(weight):
    return [
        job
        for name, codepoints in fontsource_slices()
        if (job := plan_cut(f"udpgothic-{weight.value}-g{name}", weight.proportional, codepoints))
    ]


def _shared_characters(chrome):
    """(core, names) per (face key, weight) from the chrome of every language: what the
    interface shows in the face's own languages, and what other languages' pages show in it."""
    own, names = {}, {}
    for face in FACES:
        mine = Shown.union(drawn_by_face(s) for lang, s in chrome.items() if face_of(lang) is face)
        others = Shown.union(
            drawn_by_face(s) for lang, s in chrome.items() if face_of(lang) is not face
        )
        for weight in WEIGHT_VALUES:
            key = (face.key, weight)
            if face is JAPANESE:  # in the core: Japanese pages are most of the visits
                own[key] = mine.get(*key) | others.get(*key)
            else:
                own[key], names[key] = mine.get(*key), others.get(*key)
    return Shown(own), names


def build_fonts(benchmark=False):
    """Cut every face's core, names and fallback slices and every page's subset; write the
    manifest. benchmark=True also cuts Fontsource's slices and a stylesheet using them."""
    check_sources()
    pages = {
        page.pk: (page.locale.language_code, shown_characters(page_html(page)))
        for page in live_pages()
    }
    own_chrome, names = _shared_characters(chrome_characters())
    core = {}
    for face in FACES:
        face_pages = [drawn_by_face(s) for s in _face_pages(pages.values(), face)]
        for weight in WEIGHT_VALUES:
            key = (face.key, weight)
            core[key] = core_characters(*key, face_pages, own_chrome) - names.get(key, frozenset())

    def face_cuts(kind, characters):
        return {
            (face.key, w): plan_cut(
                f"{face.key}-{w}-{kind}", face.sources[w], _codepoints(characters[face.key, w])
            )
            for face in FACES
            for w in WEIGHT_VALUES
            if (face.key, w) in characters
        }

    core_cuts = {key: job for key, job in face_cuts("core", core).items() if job}
    name_cuts = {key: job for key, job in face_cuts("names", names).items() if job}
    digit_cuts = {
        w.value: plan_cut(f"udgothic-{w.value}-digits", w.monospaced, _codepoints(DIGITS))
        for w in WEIGHTS
    }
    fallback = {(f.key, w): _fallback_cuts(f, w) for f in FACES for w in WEIGHT_VALUES}
    fixed = {key: core[key] | names.get(key, frozenset()) for key in core}
    entries = {}
    cuts = [*core_cuts.values(), *name_cuts.values(), *digit_cuts.values()]
    for page_id, (_language, shown) in pages.items():
        needed = _page_needs(shown, fixed)
        if any(needed.values()):
            entries[str(page_id)], page_cuts = _page_entry(needed)
            cuts += page_cuts
    cuts += [job for jobs in fallback.values() for job, _range in jobs]
    generic = {w.value: _fontsource_cuts(w) for w in WEIGHTS} if benchmark else {}
    cuts += [job for jobs in generic.values() for job in jobs]
    make(cuts)

    digit_rules = [_rule(DIGITS_FAMILY, w, job) for w, job in digit_cuts.items()]
    rules = {face.key: [] for face in FACES}  # each face's core and names, then its fallback
    for (key, weight), job in [*core_cuts.items(), *name_cuts.items()]:
        rules[key].append(_rule(FACES_BY_KEY[key].family, weight, job))
    for (key, weight), jobs in fallback.items():
        family = FACES_BY_KEY[key].fallback_family
        rules[key] += [_rule(family, weight, job, r) for job, r in jobs]
    manifest = {
        "version": MANIFEST_VERSION,
        "stylesheet": _stylesheet([*sum(rules.values(), []), *digit_rules], "faces"),
        "preload": {
            face.key: [
                core_cuts[key].file for w in WEIGHT_VALUES if (key := (face.key, w)) in core_cuts
            ]
            for face in FACES
        },
        "core": _characters_table(core),
        "names": _characters_table(names),
        "pages": entries,
    }
    if benchmark:
        generic_rules = [_rule(BODY_FAMILY, w, job) for w, jobs in generic.items() for job in jobs]
        # The other faces as the site serves them: both ways draw the switcher's names alike.
        others = [
            rule for key, face_rules in rules.items() if key != JAPANESE.key for rule in face_rules
        ]
        manifest["benchmark_stylesheet"] = _stylesheet(
            generic_rules + others + digit_rules, "generic"
        )
    _save_manifest(manifest)
    # Every page links the new stylesheets now.
    purge_on_commit(everything)
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
    """(files to preload, stylesheet or None) of a page: its own subset, if it has one."""
    entry = manifest["pages"].get(str(page.pk)) if page is not None and page.pk else None
    return (entry["preload"], entry["stylesheet"]) if entry else ([], None)


def first_view_preload(manifest, language):
    """The core files a page in this language uses at once: those of its language's face."""
    return manifest["preload"].get(face_of(language).key, [])


# Keeping the subsets current


def rebuild_page_font(page_id):
    """Re-cut a live page's subset when it shows characters the fonts lack. True if it did."""
    django_cache.delete(MANIFEST_CACHE_KEY)
    manifest = current_manifest()
    page = Page.objects.live().filter(pk=page_id).first()
    if manifest is None or page is None:
        return False
    core, names = _from_table(manifest["core"]), _from_table(manifest["names"])
    fixed = {key: core.get(key, frozenset()) | names.get(key, frozenset()) for key in core | names}
    needed = _page_needs(shown_characters(page_html(page.specific)), fixed)
    known = _from_table(manifest["pages"].get(str(page_id), {}).get("characters", {}))
    if all(chars <= known.get(key, frozenset()) for key, chars in needed.items()):
        return False
    entry, cuts = _page_entry(needed)
    make(cuts)
    manifest["pages"][str(page_id)] = entry
    _save_manifest(manifest)
    return True
