"""Result snippets: a passage of the text around the first match, the matched words in <mark>.

Matching is done on the folded text (search.analysis.fold), so ﾃﾚﾜｰｸ typed highlights テレワーク
written, and an English stem (camera) highlights the whole word (cameras).
"""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.analysis import QueryTerm, fold, stem

SNIPPET_CHARS = 140
LEAD_CHARS = 30


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class FoldedText:
    """A text with its folded form, and where each folded character came from."""

    def __init__(self, text: str):
        self.text = text
        pieces = [fold(char) for char in text]
        self.folded = "".join(pieces)
        self.origin = [index for index, piece in enumerate(pieces) for _ in piece]

    def find_all(self, needle: str) -> list[Span]:
        spans, start = [], self.folded.find(needle)
        while needle and start >= 0:
            end = self.origin[start + len(needle) - 1] + 1
            # The rest of an English word whose stem matched, and folded-away marks (ー).
            while end < len(self.text) and self._continues_match(self.text[end]):
                end += 1
            spans.append(Span(self.origin[start], end))
            start = self.folded.find(needle, start + len(needle))
        return spans

    @staticmethod
    def _continues_match(char: str) -> bool:
        return (char.isascii() and char.isalnum()) or not fold(char)


def needles(terms: list[QueryTerm]) -> list[str]:
    """What to look for: each term and its synonyms, folded; English words also as their stem."""
    found = []
    for term in terms:
        for surface in [term.text, *term.synonyms]:
            for word in fold(surface).split():
                for needle in {word, stem(word)}:
                    if needle and needle not in found:
                        found.append(needle)
    return sorted(found, key=len, reverse=True)


def match_spans(text: str, terms: list[QueryTerm]) -> list[Span]:
    folded = FoldedText(text)
    spans = sorted(
        (span for needle in needles(terms) for span in folded.find_all(needle)),
        key=lambda span: (span.start, -span.end),
    )
    merged: list[Span] = []
    for span in spans:
        if merged and span.start < merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def marked(text: str, spans: list[Span]) -> SafeString:
    parts, position = [], 0
    for span in spans:
        parts += [
            escape(text[position : span.start]),
            "<mark>",
            escape(text[span.start : span.end]),
        ]
        parts.append("</mark>")
        position = span.end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def highlight(text: str, terms: list[QueryTerm]) -> SafeString:
    """The whole text, the matches marked (for titles and glossary terms)."""
    return marked(text, match_spans(text, terms))


def snippet(texts: list[str], terms: list[QueryTerm]) -> SafeString:
    """A passage around the first match in the first text that has one (else the first text)."""
    for text in texts:
        text = " ".join(text.split())
        spans = match_spans(text, terms)
        if spans:
            start = max(0, spans[0].start - LEAD_CHARS)
            end = min(len(text), start + SNIPPET_CHARS)
            window = [
                Span(max(span.start, start) - start, min(span.end, end) - start)
                for span in spans
                if span.start < end and span.end > start
            ]
            body = marked(text[start:end], window)
            return mark_safe(("…" if start else "") + body + ("…" if end < len(text) else ""))  # noqa: S308
    first = " ".join(texts[0].split()) if texts else ""
    return escape(first[:SNIPPET_CHARS] + ("…" if len(first) > SNIPPET_CHARS else ""))
