"""Writes pinyin_initials.txt: for each code point from U+3400 to U+9FFF, the first letter of its
first Mandarin reading (A–Z), or "-" for none. Run after upgrading pypinyin (a development tool,
not a dependency of the site): python glossary/data/make_pinyin_initials.py
"""

import unicodedata
from pathlib import Path

from pypinyin.pinyin_dict import pinyin_dict

FIRST, LAST = 0x3400, 0x9FFF


def initial(code_point):
    readings = pinyin_dict.get(code_point)
    if not readings:
        return "-"
    letter = unicodedata.normalize("NFKD", readings.split(",")[0])[0].upper()
    return letter if "A" <= letter <= "Z" else "-"


if __name__ == "__main__":
    text = "".join(initial(cp) for cp in range(FIRST, LAST + 1))
    Path(__file__).with_name("pinyin_initials.txt").write_text(text + "\n", encoding="ascii")
