"""The glossary in the reader's order: groups and sort keys per language (plain functions).

Japanese keeps the report's kana rows (あ行 … わ行, A～Z), which are stored on each term. Other
languages group the translated terms the way their readers look words up:
- Latin script (en, pt-br, es, vi): by first letter, A–Z, accents folded (É under E, Đ under D);
- Korean: by the initial consonant of the first syllable, ㄱ–ㅎ (ㄲ under ㄱ …), then A–Z;
- Simplified Chinese: by the first letter of the first character's pinyin, A–Z
  (data/pinyin_initials.txt), a Latin-script term under its own letter.
A term that starts with a digit goes under "0–9", first.
"""

import unicodedata
from functools import cache
from pathlib import Path

DIGITS = "0–9"
OTHER = "…"
HANGUL_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
HANGUL_GROUP = dict(zip("ㄲㄸㅃㅆㅉ", "ㄱㄷㅂㅅㅈ", strict=True))
FIRST_HANGUL, LAST_HANGUL, SYLLABLES_PER_INITIAL = 0xAC00, 0xD7A3, 588
FIRST_HAN, LAST_HAN = 0x3400, 0x9FFF
# Letters that NFKD does not take apart.
UNFOLDED = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})


@cache
def _pinyin_initials():
    return (Path(__file__).parent / "data" / "pinyin_initials.txt").read_text("ascii").strip()


def fold(text):
    """Lower case, accents removed: the key Latin-script readers sort by."""
    decomposed = unicodedata.normalize("NFKD", text.translate(UNFOLDED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _letters(text):
    """text from its first letter or digit on (quotes and brackets before it do not count)."""
    for index, character in enumerate(text):
        if character.isalnum():
            return text[index:]
    return ""


def _pinyin_initial(character):
    code_point = ord(character)
    if FIRST_HAN <= code_point <= LAST_HAN:
        letter = _pinyin_initials()[code_point - FIRST_HAN]
        return "" if letter == "-" else letter
    return ""


def _hangul_initial(character):
    code_point = ord(character)
    if FIRST_HANGUL <= code_point <= LAST_HANGUL:
        initial = HANGUL_INITIALS[(code_point - FIRST_HANGUL) // SYLLABLES_PER_INITIAL]
        return HANGUL_GROUP.get(initial, initial)
    return ""


def group_of(term, language_code):
    """The heading a translated term is listed under."""
    text = _letters(term)
    if not text:
        return OTHER
    first = text[0]
    if first.isdigit():
        return DIGITS
    if language_code == "ko" and _hangul_initial(first):
        return _hangul_initial(first)
    if language_code == "zh-hans" and _pinyin_initial(first):
        return _pinyin_initial(first)
    letter = fold(first).upper()[:1]
    return letter if "A" <= letter <= "Z" else OTHER


def _group_rank(group, language_code):
    if group == DIGITS:
        return (0, "")
    if language_code == "ko" and group in HANGUL_INITIALS:
        return (1, group)
    if group == OTHER:
        return (3, "")
    return (2, group)


def sort_key(term, language_code):
    """Within a group: the folded term (Chinese by the pinyin letters of its characters)."""
    text = _letters(term)
    if language_code == "zh-hans":
        return ("".join(_pinyin_initial(c) or fold(c) for c in text), text)
    return (fold(text), text)


def grouped(terms, language_code, term_of=str):
    """[(heading, [terms…]), …] in the reader's order; term_of gives a term's translated text."""
    groups = {}
    for term in terms:
        groups.setdefault(group_of(term_of(term), language_code), []).append(term)
    return [
        (group, sorted(members, key=lambda t: sort_key(term_of(t), language_code)))
        for group, members in sorted(
            groups.items(), key=lambda item: _group_rank(item[0], language_code)
        )
    ]
