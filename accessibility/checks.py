"""Checks for editors before they submit, as Japanese municipal CMSs run them.

Each rule reads one field's text and returns findings that say where the problem is and how to
fix it; a mechanical fix carries the corrected text. Errors block submission for review (unless
the user may override them); warnings only inform.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils.translation import gettext as _

ERROR = "error"
WARNING = "warning"

ROMAN_NUMERALS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
# Characters that older systems and screen readers render or read inconsistently.
PLATFORM_DEPENDENT = {
    **{chr(0x2460 + n): f"({n + 1})" for n in range(20)},  # ①–⑳
    **{chr(0x2160 + n): roman for n, roman in enumerate(ROMAN_NUMERALS)},
    **{chr(0x2170 + n): roman for n, roman in enumerate(r.lower() for r in ROMAN_NUMERALS)},
    "㈱": "(株)",
    "㈲": "(有)",
    "㈹": "(代)",
    "㍿": "株式会社",
    "℡": "TEL",
    "№": "No.",
    "㌔": "キロ",
    "㌢": "センチ",
    "㍍": "メートル",
    "㌘": "グラム",
    "㌧": "トン",
    "㌃": "アール",
    "㍉": "ミリ",
    "㍑": "リットル",
    "㌦": "ドル",
    "㌫": "パーセント",
    "㍻": "平成",
    "㍼": "昭和",
    "㍽": "大正",
    "㍾": "明治",
    "㋿": "令和",
}
HALF_WIDTH_KATAKANA = re.compile(r"[\uff66-\uff9f]+")
FULL_WIDTH_ALPHANUMERIC = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
JAPANESE = r"[\u3040-\u30ff\u3400-\u9fff]"
SPACED_WORD = re.compile(rf"(?<={JAPANESE})\u3000+(?={JAPANESE})")
NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?:(?:19|20)\d{2}|[RrHh]\d{1,2})[./-]\d{1,2}(?:[./-]\d{1,2})?(?![\d.])"
)
VAGUE_LINK_TEXT = {
    "こちら",
    "ここ",
    "こちらから",
    "ここから",
    "こちらをクリック",
    "ここをクリック",
    "詳しくはこちら",
    "詳細はこちら",
    "詳細",
    "リンク",
    "クリック",
    "click here",
    "here",
    "more",
    "read more",
    "link",
}
# A link written in a plain-text field the way editors paste them: [text](address).
TEXT_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]+)\)")
LINK_TEXT_DECORATION = re.compile(r"[\s「」『』【】()（）→▶>＞。、.!！:：]+")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    excerpt: str
    fixed_text: str | None = None  # the whole field with the mechanical fix applied

    @property
    def fixable(self):
        return self.fixed_text is not None


def _excerpt(text, start, end, margin=8):
    return text[max(0, start - margin) : end + margin].replace("\n", " ")


def check_platform_dependent(text):
    found = sorted({c for c in text if c in PLATFORM_DEPENDENT})
    if not found:
        return []
    fixed = "".join(PLATFORM_DEPENDENT.get(c, c) for c in text)
    first = min(text.index(c) for c in found)
    return [
        Finding(
            "platform_dependent",
            ERROR,
            _("機種依存文字 %(chars)s があります。%(fixes)s のように書き換えてください。")
            % {
                "chars": "".join(found),
                "fixes": "、".join(f"{c}→{PLATFORM_DEPENDENT[c]}" for c in found),
            },
            _excerpt(text, first, first + 1),
            fixed,
        )
    ]


def _width_finding(text, pattern, code, message):
    match = pattern.search(text)
    if not match:
        return []
    fixed = pattern.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return [
        Finding(
            code, ERROR, message % {"text": match.group()}, _excerpt(text, *match.span()), fixed
        )
    ]


def check_half_width_katakana(text):
    return _width_finding(
        text,
        HALF_WIDTH_KATAKANA,
        "half_width_katakana",
        _("半角カタカナ「%(text)s」があります。全角カタカナにしてください。"),
    )


def check_full_width_alphanumeric(text):
    return _width_finding(
        text,
        FULL_WIDTH_ALPHANUMERIC,
        "full_width_alphanumeric",
        _("全角英数字「%(text)s」があります。半角にしてください。"),
    )


def check_spaced_words(text):
    match = SPACED_WORD.search(text)
    if not match:
        return []
    return [
        Finding(
            "spaced_word",
            ERROR,
            _(
                "語の途中に全角スペースがあります（「%(excerpt)s」）。見た目の調整のための空白は、"
                "読み上げで別の語に聞こえるため削除してください。"
            )
            % {"excerpt": _excerpt(text, *match.span(), margin=2)},
            _excerpt(text, *match.span()),
            SPACED_WORD.sub("", text),
        )
    ]


def is_vague_link_text(label):
    """Link text that does not say where it leads once read out of its sentence."""
    bare = LINK_TEXT_DECORATION.sub("", unicodedata.normalize("NFKC", label)).lower()
    spaced = " ".join(unicodedata.normalize("NFKC", label).lower().split())
    return len(bare) < 2 or bare in VAGUE_LINK_TEXT or spaced in VAGUE_LINK_TEXT


def vague_link_finding(label):
    return Finding(
        "vague_link",
        ERROR,
        _("リンクの文字「%(text)s」では行き先がわかりません。行き先の名前をリンクにしてください。")
        % {"text": label},
        label,
    )


def check_text_links(text):
    return [
        vague_link_finding(match.group(1).strip())
        for match in TEXT_LINK.finditer(text)
        if is_vague_link_text(match.group(1))
    ]


def check_dates(text):
    match = NUMERIC_DATE.search(text)
    if not match:
        return []
    return [
        Finding(
            "numeric_date",
            WARNING,
            _("日付「%(date)s」は「○年○月○日」の形で書くと、読み上げでも正しく伝わります。")
            % {"date": match.group()},
            _excerpt(text, *match.span()),
        )
    ]


TEXT_RULES = [
    check_platform_dependent,
    check_half_width_katakana,
    check_full_width_alphanumeric,
    check_spaced_words,
    check_text_links,
    check_dates,
]


class _HtmlOutline(HTMLParser):
    """Links, images, headings and tables of a rich-text value, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.images, self.headings, self.tables = [], [], [], []
        self._link = None
        self._table = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self._link = {"href": attrs.get("href") or attrs.get("id", ""), "text": ""}
        elif tag == "img" or (tag == "embed" and attrs.get("embedtype") == "image"):
            self.images.append(attrs)
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "table":
            self._table = {"caption": False, "th": False}
        elif tag == "caption" and self._table is not None:
            self._table["caption"] = True
        elif tag == "th" and self._table is not None:
            self._table["th"] = True

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append(self._link)
            self._link = None
        elif tag == "table" and self._table is not None:
            self.tables.append(self._table)
            self._table = None

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data


def check_html(html):
    """Rules that need markup: images, links, tables and headings of a rich-text field."""
    outline = _HtmlOutline()
    outline.feed(html or "")
    findings = []
    for image in outline.images:
        alt = (image.get("alt") or "").strip()
        if not alt or re.search(r"\.(jpe?g|png|gif|webp|svg)$", alt, re.I):
            findings.append(
                Finding(
                    "image_alt",
                    ERROR,
                    _(
                        "画像に内容を伝える代替テキストがありません（ファイル名は代替テキストになりません）。"
                    ),
                    alt or image.get("src", ""),
                )
            )
    findings += [
        vague_link_finding(link["text"].strip())
        for link in outline.links
        if is_vague_link_text(link["text"])
    ]
    for previous, current in zip(outline.links, outline.links[1:], strict=False):
        if previous["href"] and previous["href"] == current["href"]:
            findings.append(
                Finding(
                    "duplicate_link",
                    WARNING,
                    _("同じ行き先へのリンクが続いています。1つにまとめてください。"),
                    current["text"],
                )
            )
    for table in outline.tables:
        if not (table["caption"] and table["th"]):
            findings.append(
                Finding(
                    "table_structure",
                    ERROR,
                    _("表には表題（caption）と見出しセル（th）を付けてください。"),
                    "",
                )
            )
    for previous, current in zip([1, *outline.headings], outline.headings, strict=False):
        if current > previous + 1:
            findings.append(
                Finding(
                    "heading_skip",
                    ERROR,
                    _(
                        "見出しのレベルが h%(from)d から h%(to)d に飛んでいます。"
                        "順番に使ってください。"
                    )
                    % {"from": previous, "to": current},
                    f"h{current}",
                )
            )
    return findings


def apply_fixes(text):
    """The text with every mechanical fix applied, each rule's fix on top of the previous ones."""
    for rule in TEXT_RULES:
        for finding in rule(text):
            if finding.fixed_text is not None:
                text = finding.fixed_text
    return text


def check_text(text, *, is_html=False):
    plain = re.sub(r"<[^>]+>", " ", text) if is_html else text
    findings = [finding for rule in TEXT_RULES for finding in rule(plain or "")]
    if is_html:
        findings = [f for f in findings if not f.fixable] + [
            Finding(f.code, f.severity, f.message, f.excerpt) for f in findings if f.fixable
        ]
        findings += check_html(text)
    return findings
