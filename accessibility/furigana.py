"""ふりがな: <ruby> readings for Japanese text, generated on the server.

SudachiPy (Apache-2.0) reads the text; the city's reading dictionary (ReadingEntry) wins over its
guesses. Results are cached by the text and the dictionary's version, so a page revision is
analysed once and an edit to the dictionary shows at once.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from accessibility.kana import has_kanji, to_hiragana

CACHE_SECONDS = 60 * 60 * 24 * 30
# Sudachi refuses inputs above ~49 KB; lines are far shorter, so the text is read line by line.
_local = threading.local()


@dataclass(frozen=True)
class Span:
    text: str
    reading: str | None = None  # None: nothing to annotate (kana, digits, Latin, symbols)


def _tokenizer():
    if not hasattr(_local, "tokenizer"):
        from sudachipy import Dictionary

        _local.tokenizer = Dictionary(dict="core").tokenizer()
    return _local.tokenizer


def _split_okurigana(surface: str, reading: str) -> list[Span]:
    """進める/すすめる → 進(すす) + める: the reading sits over the kanji only."""
    plain = to_hiragana(surface)
    head = 0
    while (
        head < min(len(plain), len(reading))
        and plain[head] == reading[head]
        and not has_kanji(surface[head])
    ):
        head += 1
    tail = 0
    while (
        tail < min(len(plain), len(reading)) - head
        and plain[-1 - tail] == reading[-1 - tail]
        and not has_kanji(surface[-1 - tail])
    ):
        tail += 1
    core_end = len(surface) - tail
    spans = [Span(surface[:head])] if head else []
    spans.append(Span(surface[head:core_end], reading[head : len(reading) - tail]))
    if tail:
        spans.append(Span(surface[core_end:]))
    return spans


# SudachiPy refuses input over 49,149 bytes; 4,000 characters stay below it in any script.
CHUNK_CHARACTERS = 4000
SENTENCE_END = re.compile(r"[。！？!?\s]")


def _chunks(text: str):
    """The text in pieces SudachiPy accepts, cut after a sentence end where there is one."""
    while len(text) > CHUNK_CHARACTERS:
        window = text[:CHUNK_CHARACTERS]
        ends = [m.end() for m in SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else CHUNK_CHARACTERS
        yield text[:cut]
        text = text[cut:]
    if text:
        yield text


def _analyse(text: str) -> list[Span]:
    from sudachipy import SplitMode

    spans = []
    morphemes = (m for chunk in _chunks(text) for m in _tokenizer().tokenize(chunk, SplitMode.C))
    for morpheme in morphemes:
        surface = morpheme.surface()
        reading = to_hiragana(morpheme.reading_form())
        if has_kanji(surface) and reading and not has_kanji(reading) and reading != surface:
            spans.extend(_split_okurigana(surface, reading))
        else:
            spans.append(Span(surface))
    return spans


def annotate(text: str, dictionary: dict[str, str]) -> list[Span]:
    """The text cut into spans, each kanji span with its reading; joining the spans gives text."""
    if not dictionary:
        pattern = None
    else:
        pattern = re.compile("|".join(map(re.escape, sorted(dictionary, key=len, reverse=True))))
    spans: list[Span] = []
    for line in text.splitlines(keepends=True):
        cursor = 0
        for match in pattern.finditer(line) if pattern else ():
            spans.extend(_analyse(line[cursor : match.start()]) if match.start() > cursor else [])
            spans.append(Span(match.group(), dictionary[match.group()]))
            cursor = match.end()
        if cursor < len(line):
            spans.extend(_analyse(line[cursor:]))
    return _merged(spans)


def _merged(spans):
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and span.reading is None and merged[-1].reading is None:
            merged[-1] = Span(merged[-1].text + span.text)
        else:
            merged.append(span)
    return merged


def render(spans: list[Span]):
    parts = [
        format_html("<ruby>{}<rp>（</rp><rt>{}</rt><rp>）</rp></ruby>", s.text, s.reading)
        if s.reading
        else conditional_escape(s.text)
        for s in spans
    ]
    return mark_safe("".join(parts))  # noqa: S308 — every part is escaped above


def ruby_html(text: str):
    """Safe HTML of text with <ruby> over every word written in kanji."""
    from accessibility.models import ReadingEntry

    if not text or not has_kanji(text):
        return conditional_escape(text or "")
    version = ReadingEntry.version()
    key = "furigana:" + hashlib.sha256(f"{version}\0{text}".encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        dictionary = dict(ReadingEntry.objects.values_list("surface", "reading"))
        html = str(render(annotate(text, dictionary)))
        cache.set(key, html, CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 — built by render(), which escapes
