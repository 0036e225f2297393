"""How much of the plan each content pack translates: the check behind `translation_coverage`.

For every Japanese page and snippet, each translatable segment (wagtail-localize's) is looked up
in the language's pack the way the importer pairs them. A segment counts as translated when the
pack gives it text that is not Japanese: outside brackets, no kana, and for the languages not
written in Han characters no kanji either (a Japanese name in brackets after its translation is
a reading aid, not untranslated text). Shares are by characters of the Japanese source.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from translations.content import read_pack
from translations.importer import CONTENT_DIR, page_items, snippet_items, target_languages
from translations.pairing import translated_text
from translations.sync import SyncReport

KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
HAN_SCRIPT_LANGUAGES = {"zh-hans"}


def still_japanese(text, language_code):
    """True when text, outside brackets, is written in Japanese script for this language."""
    outside = BRACKETED.sub("", text)
    if KANA.search(outside):
        return True
    return language_code not in HAN_SCRIPT_LANGUAGES and bool(HAN.search(outside))


def page_type(label):
    """The kind of object an importer item label names: "measure 6" → "measure"."""
    kind = label.split(" ", 1)[0]
    return {"page": "section page", "dx": "表1-3 row"}.get(kind, kind)


@dataclass
class Coverage:
    language_code: str
    characters: dict = field(default_factory=lambda: defaultdict(int))
    translated: dict = field(default_factory=lambda: defaultdict(int))
    untranslated: list[str] = field(default_factory=list)  # "measure 6 situation: 現状…"

    def share(self, kind=None):
        kinds = [kind] if kind else list(self.characters)
        total = sum(self.characters[k] for k in kinds)
        return sum(self.translated[k] for k in kinds) / total if total else 1.0


# Identifiers in URLs, not text a reader reads.
NOT_READ = {"slug"}


def _segments(instance):
    source = TranslationSource.objects.get_for_instance(instance)
    for segment in source.stringsegment_set.select_related("context", "string"):
        if segment.context.path not in NOT_READ:
            yield segment.context.path, segment.string.data


def measure_coverage(content_dir=CONTENT_DIR, language_codes=None):
    """{language code: Coverage} of the packs over the Japanese site as it is in the database."""
    source = Locale.get_default()
    codes = language_codes or target_languages()
    packs = {code: read_pack(content_dir, code) for code in codes}
    results = {code: Coverage(code) for code in codes}
    items = [*snippet_items(source), *page_items(source, SyncReport())]
    for item in items:
        kind = page_type(item.label)
        segments = list(_segments(item.instance))
        for code, pack in packs.items():
            strings = item.strings(item.instance, pack)
            coverage = results[code]
            for path, japanese in segments:
                size = len(japanese)
                coverage.characters[kind] += size
                text = translated_text(strings, path, japanese) or ""
                if text.strip() and not still_japanese(text, code):
                    coverage.translated[kind] += size
                else:
                    coverage.untranslated.append(f"{item.label} {path}: {japanese[:40]}")
    return results
