"""Checks for editors before they submit, as Japanese municipal CMSs run them.

Each rule reads one field's text and returns findings that say where the problem is and how to
fix it; a mechanical fix carries the corrected text. Errors block submission for review (unless
the user may override them); warnings only inform.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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
    check_dates,
]


def check_text(text):
    return [finding for rule in TEXT_RULES for finding in rule(text or "")]
