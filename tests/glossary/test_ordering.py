"""The glossary is grouped and sorted the way each language's readers look words up."""

import pytest

from glossary.data.make_pinyin_initials import FIRST, LAST, initial
from glossary.ordering import _pinyin_initials, group_of, grouped


@pytest.mark.parametrize(
    ("term", "language_code", "group"),
    [
        ("Écran", "pt-br", "E"),  # accents folded
        ("Đám mây", "vi", "D"),
        ("“San-aru” app", "en", "S"),  # quotes before the first letter do not count
        ("5G cục bộ", "vi", "0–9"),
        ("클라우드", "ko", "ㅋ"),
        ("까치", "ko", "ㄱ"),  # a double consonant under its single one
        ("AI(인공지능)", "ko", "A"),
        ("无障碍访问", "zh-hans", "W"),
        ("信息安全", "zh-hans", "X"),
        ("AI（人工智能）", "zh-hans", "A"),
    ],
)
def test_each_term_is_under_its_languages_heading(term, language_code, group):
    assert group_of(term, language_code) == group


def test_korean_groups_follow_the_consonants_then_latin_letters():
    terms = ["AI", "행정", "가상화", "클라우드", "나라", "Wi-Fi"]
    assert [heading for heading, _ in grouped(terms, "ko")] == ["ㄱ", "ㄴ", "ㅋ", "ㅎ", "A", "W"]


def test_latin_terms_sort_with_accents_folded():
    [(heading, terms)] = grouped(["Ética", "Estado", "Empresa"], "es")
    assert heading == "E"
    assert terms == ["Empresa", "Estado", "Ética"]


def test_the_shipped_pinyin_table_is_what_pypinyin_gives():
    table = _pinyin_initials()
    assert len(table) == LAST - FIRST + 1
    for code_point in range(FIRST, LAST + 1, 97):
        assert table[code_point - FIRST] == initial(code_point), hex(code_point)
