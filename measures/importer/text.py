"""Text-level helpers: debris removal, the space rules, HTML cells to paragraphs.

Pure functions on strings; no knowledge of the report's layout.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Han, kana, Japanese punctuation and full-width punctuation (not full-width letters/digits).
JA = (
    "\u3001-\u303f\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
)
_JA_SPACE = re.compile(rf"(?<=[{JA}]) (?=[{JA}])")
_JA_CHAR = re.compile(rf"[{JA}]")

# ^(*), (*), full-width （*）, and the broken "word*)" form; a space before the marker goes too.
MARKER_RE = re.compile(r"[ \t]?\^\(\*\)|[ \t]?\(\*\)|（\*）|\*(?=[)）])")

TAG_RE = re.compile(
    r"<\s*(/?)\s*(p|ul|ol|li|u|b|i|em|strong|span|div|br|table|thead|tbody|tr|td|th|input)\b[^>]*>",
    re.IGNORECASE,
)

STATUS_RE = re.compile(r"[<＜【]\s*(完了|新規|廃止)\s*R\s*0?(\d+)\s*年度\s*[>＞】]")
STATUS_NAMES = {"完了": "completed", "新規": "new", "廃止": "abolished"}

_BULLET_SPLIT = re.compile(rf"(?:^|\s+)([・*{CIRCLED}])")
_LABEL_BREAK = re.compile(r" (?=[\w・]{2,8}：)")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def is_ja(ch: str) -> bool:
    return bool(ch) and bool(_JA_CHAR.fullmatch(ch))


def circled_value(ch: str) -> int:
    return CIRCLED.index(ch) + 1


def reiwa_year(n: int) -> int:
    """令和N年度 / RN → fiscal year (R3 = 2021)."""
    return 2018 + n


def join_ja_spaces(text: str) -> str:
    """Drop the single spaces the PDF inserted at line breaks between two Japanese characters."""
    return _JA_SPACE.sub("", text)


def strip_markers(text: str) -> str:
    return MARKER_RE.sub("", text)


def strip_tags(text: str, repl: str = " ") -> str:
    return TAG_RE.sub(repl, text)


def squash(text: str) -> str:
    """Collapse runs of ASCII whitespace to one space and trim."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def key(text: str) -> str:
    """Comparison key: NFKC, case-folded, without whitespace, hyphens or quote brackets."""
    text = unicodedata.normalize("NFKC", strip_markers(text)).lower()
    return re.sub(r"[\s\-「」『』\"“”]", "", text)


# ---------------------------------------------------------------- label cells


def clean_label(cell: str, siblings: list[str], summary: list[str]) -> str:
    """A short 実施計画/進捗実績 cell: keep a space between Japanese characters (an item separator)
    unless the joined word is attested and the spaced form is not.

    Attestations come from the measure's other label cells (`siblings`; cells identical to this
    one carry the same damage and are skipped) and its 表1-2 row (`summary`).
    """
    text = squash(strip_markers(strip_tags(cell)))
    tokens = text.split(" ")
    attest = [a for a in siblings if squash(a) != text] + list(summary)
    attest_tokens = [squash(strip_markers(a)).split(" ") for a in attest if a]
    joined_words = {t for toks in attest_tokens for t in toks}
    spaced_pairs = {(a, b) for toks in attest_tokens for a, b in zip(toks, toks[1:], strict=False)}
    out = [tokens[0]] if tokens else []
    for tok in tokens[1:]:
        left = out[-1]
        if (
            left
            and tok
            and is_ja(left[-1])
            and is_ja(tok[0])
            and any(left + tok in w for w in joined_words)
            and (left, tok) not in spaced_pairs
        ):
            out[-1] = left + tok
        else:
            out.append(tok)
    return " ".join(out)


# ---------------------------------------------------------------- HTML cells


@dataclass
class Block:
    """One paragraph or list item of a cell, before the space rules are applied."""

    text: str
    level: int = 0  # list nesting, 0 for plain paragraphs and top-level items
    glyph: str = ""  # the bullet that introduced it: "・", "*", a circled number or ""
    in_list: bool = False
    table: bool = False


def _split_items(text: str) -> list[tuple[str, str]]:
    """Split at bullets/circled numbers that start a line: [(glyph, text)]."""
    parts = _BULLET_SPLIT.split(text)
    out: list[tuple[str, str]] = []
    if parts[0].strip():
        out.append(("", parts[0]))
    for i in range(1, len(parts), 2):
        glyph, body = parts[i], parts[i + 1]
        if glyph in CIRCLED:
            body = glyph + body
        elif glyph == "*" and (not body or body[0] in ")） ") and out:
            # not a bullet: glue back to the previous item
            out[-1] = (out[-1][0], out[-1][1] + " *" + body)
            continue
        if body.strip():
            out.append((glyph if glyph in "・*" else "①", body))
    return out


def cell_blocks(cell: str) -> list[Block]:
    """Split an HTML-ish cell into paragraphs/list items/tables (markers already removed)."""
    blocks: list[Block] = []
    buf: list[str] = []
    depth = 0
    glyphs: dict[int, str] = {}
    table_rows: list[list[str]] | None = None
    row: list[str] = []
    cellbuf: list[str] = []

    def flush() -> None:
        nonlocal depth
        text = "".join(buf)
        buf.clear()
        if not text.strip():
            return
        for glyph, body in _split_items(text):
            level = 0
            if depth > 0 and glyph:
                glyph_key = "①" if glyph == "①" else glyph
                # a glyph used by a shallower open list closes the deeper ones (missing </ul>)
                for d in sorted(glyphs):
                    if d < depth and glyphs[d] == glyph_key:
                        for dd in [x for x in glyphs if x > d]:
                            del glyphs[dd]
                        depth = d
                        break
                glyphs.setdefault(depth, glyph_key)
                level = depth - 1
            elif depth > 0:
                level = depth - 1
            blocks.append(Block(body.strip(), level, glyph, in_list=depth > 0))

    pos = 0
    for m in TAG_RE.finditer(cell):
        chunk = cell[pos : m.start()]
        pos = m.end()
        (cellbuf if table_rows is not None else buf).append(chunk)
        closing, tag = m.group(1) == "/", m.group(2).lower()
        if tag == "table":
            flush()
            if not closing:
                table_rows = []
            elif table_rows is not None:
                lines = ["　".join(c for c in r if c) for r in table_rows]
                text = "\n".join(x for x in lines if x)
                if text:
                    blocks.append(Block(text, table=True))
                table_rows = None
        elif table_rows is not None:
            if tag in ("td", "th") and closing:
                row.append(squash(strip_tags("".join(cellbuf))))
                cellbuf.clear()
            elif tag == "tr" and closing:
                table_rows.append(row)
                row = []
        elif tag in ("p", "li", "br", "div"):
            flush()
        elif tag in ("ul", "ol"):
            flush()
            if closing:
                glyphs.pop(depth, None)
                depth = max(depth - 1, 0)
            else:
                depth += 1
    (cellbuf if table_rows is not None else buf).append(cell[pos:])
    flush()
    return blocks


def _heading_break(text: str, headings: list[str]) -> str:
    """'①見出し 本文…' → '①見出し\\n本文…' where the first line is an item heading."""
    m = re.match(rf"[{CIRCLED}]+[・、]?", text)
    if not m:
        return text
    spaces = [i for i, ch in enumerate(text) if ch == " " and i < 70]
    heads = [key(h) for h in headings if key(h)]
    if key(re.sub(rf"[{CIRCLED}]", "", text)) in heads:
        return text  # the whole paragraph is an item heading
    for i in spaces:  # an initiative's own name
        prefix = text[:i]
        k = key(re.sub(rf"[{CIRCLED}]", "", prefix))
        if prefix.count("「") == prefix.count("」") and any(k.startswith(h) for h in heads):
            return prefix + "\n" + text[i + 1 :]
    for i in spaces:  # otherwise the first break after a Japanese character, outside quotes
        prefix = text[:i]
        if "。" in prefix or len(prefix) > 60:
            break
        rest = text[i + 1 :]
        if not ("。" in rest or len(rest) >= 30):
            break
        if is_ja(prefix[-1]) and prefix.count("「") == prefix.count("」"):
            return prefix + "\n" + text[i + 1 :]
    return text


def prose_text(text: str, headings: list[str] | None = None) -> str:
    """One paragraph of prose: markers/tags gone, line-break spaces between Japanese removed."""
    text = squash(strip_tags(strip_markers(text)))
    if headings is not None:
        text = _heading_break(text, headings)
        text = _LABEL_BREAK.sub("\n", text)
    return "\n".join(join_ja_spaces(line).strip() for line in text.split("\n"))


def prose(cell: str, headings: list[str] | None = None) -> str:
    """A prose cell → paragraphs separated by blank lines.

    `headings` (initiative names) switches on the report-field layout: an item heading at the
    start of a paragraph and 'label：' lines get their own line.
    """
    paras = []
    for block in cell_blocks(strip_markers(cell)):
        if block.table:
            paras.append(block.text)
            continue
        text = prose_text(block.text, headings)
        if text:
            paras.append(text)
    return "\n\n".join(paras)


def paragraphs(value: str) -> list[str]:
    return [p for p in value.split("\n\n") if p]
