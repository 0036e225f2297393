"""用語集: the glossary entries, and matching `(*)` markers to its terms."""

from __future__ import annotations

import re

from .document import GlossaryEntry, PlanParseError
from .text import MARKER_RE, key, nfc, squash, strip_tags

SECTIONS = ("あ行", "か行", "さ行", "た行", "な行", "は行", "ま行", "や行", "ら行", "わ行", "A～Z")
_SECTION_KEYS = {key(s): s for s in SECTIONS}
_GLUED_WORD = re.compile(r"^(.+?[a-z])([A-Z][a-z]+)$")


def parse_glossary(lines: list[str], start: int, warnings: list[str]) -> list[GlossaryEntry]:
    """Read the glossary from `lines[start:]` (0-based index of the line after the heading)."""
    entries: list[GlossaryEntry] = []
    section = ""
    seen: list[str] = []
    definition: list[str] | None = None  # paragraphs of the current entry
    for idx in range(start, len(lines)):
        raw = lines[idx]
        text = squash(raw)
        lineno = idx + 1
        if not text:
            continue
        if text.startswith("■"):
            _finish(entries, definition, warnings)
            definition = None
            name = text[1:].strip()
            section = _SECTION_KEYS.get(key(name), "")
            if not section:
                section = _guess_section(seen)
                warnings.append(
                    f"glossary line {lineno}: section heading {text!r} is garbled; "
                    f"read as {section} (it follows {seen[-1] if seen else 'nothing'})"
                )
            seen.append(section)
            continue
        if not section:
            raise PlanParseError("glossary entry before any section heading", line=lineno)
        if definition is not None and not definition:
            definition.append(text)  # first paragraph of the definition
        elif definition is not None and re.match(r"^[-・]\s*", text):
            definition.append(re.sub(r"^[-・]\s*", "", text))  # list item of a definition
        else:
            _finish(entries, definition, warnings)
            entries.append(GlossaryEntry(term=text, section=section, definition="", line=lineno))
            definition = []
    _finish(entries, definition, warnings)
    return entries


def _guess_section(seen: list[str]) -> str:
    if not seen:
        return SECTIONS[0]
    i = SECTIONS.index(seen[-1])
    return SECTIONS[min(i + 1, len(SECTIONS) - 1)]


def _finish(entries: list[GlossaryEntry], definition: list[str] | None, warnings: list[str]):
    if definition is None or not entries:
        return
    entry = entries[-1]
    paras = [nfc(strip_tags(p)).strip() for p in definition]
    glued = _GLUED_WORD.match(entry.term)
    if glued and paras and re.match(r"[\u30a0-\u30ff]", paras[0]):
        # "Google AnalyticsWeb" / "サイトを…": the definition's first word ran into the term
        warnings.append(
            f"glossary line {entry.line}: term {entry.term!r} has the first word of its "
            f"definition glued on; read as {glued.group(1)!r} with definition starting "
            f"{glued.group(2) + paras[0][:6]!r}"
        )
        entry.term = glued.group(1)
        paras[0] = glued.group(2) + paras[0]
    entry.definition = "\n\n".join(p for p in paras if p)
    if not entry.definition:
        warnings.append(f"glossary line {entry.line}: term {entry.term!r} has no definition")


# ---------------------------------------------------------------- marker matching


def term_names(term: str) -> list[tuple[str, int]]:
    """Names a term is known by, with a priority (0 = full name, 1 = head, 2 = bracketed alias)."""
    names = [(term, 0)]
    no_brackets = re.sub(r"\s*[（(][^（）()]*[）)]", "", term).strip()
    names.append((no_brackets, 0))
    head = re.split(r"[（(]", term, maxsplit=1)[0].strip()
    names.append((head, 1))
    for inner in re.findall(r"[（(]([^（）()]*)[）)]", term):
        names.append((inner.strip(), 2))
        for part in re.split(r"\s*[:：]\s*|\s+又は\s+", inner):
            names.append((part.strip(), 2))
    return [(n, p) for n, p in names if n]


class TermMatcher:
    def __init__(self, glossary: list[GlossaryEntry]):
        self.keys: list[tuple[str, int, str]] = []
        for entry in glossary:
            for name, prio in term_names(entry.term):
                k = key(name)
                if k:
                    self.keys.append((k, prio, entry.term))

    def match(self, before: str) -> str | None:
        """The term whose name ends `before` (longest name, then full name over alias)."""
        for attempt in (before, re.sub(r"[（(][^（）()]*[）)]\s*$", "", before.rstrip())):
            k_before = key(attempt)
            best = None
            for k, prio, term in self.keys:
                if not k_before.endswith(k):
                    continue
                if k[0].isascii() and k[0].isalnum() and _glued(attempt, len(k)):
                    continue  # "...xAI" is not "AI"
                cand = (-len(k), prio)
                if best is None or cand < best[0]:
                    best = (cand, term)
            if best:
                return best[1]
        return None


def _glued(text: str, n: int) -> bool:
    """Whether the last `n` key characters of `text` follow a Latin letter or digit directly."""
    i = len(text)
    while n > 0 and i > 0:
        i -= 1
        if key(text[i]):
            n -= 1
    prev = text[i - 1] if i > 0 else ""
    return prev.isascii() and prev.isalnum()


_WORD_TAIL = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z0-9\-ー]+$")


def guess_word(before: str) -> str:
    before = re.sub(r"[\s（(]+$", "", before)
    m = _WORD_TAIL.search(before)
    return m.group(0).lstrip("・") if m else before[-10:]


def find_markers(line: str) -> list[str]:
    """Text before each marker of a line (tags and earlier markers removed)."""
    text = strip_tags(line)
    out = []
    pos = 0
    clean = ""
    for m in MARKER_RE.finditer(text):
        clean += text[pos : m.start()]
        pos = m.end()
        out.append(clean[-80:])
    return out
