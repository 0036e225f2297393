"""Makes the Noto source fonts of fonts/sources/ from the originals, cut to what the site can show.

Noto Sans KR and SC hold 17,000 and 30,000 glyphs (6 and 10 MB a weight): most are never on a
page here. Each is cut once, here, to the characters of its language (and Latin, punctuation,
digits), so the repository carries 1-2 MB a weight; the per-page cutting of fonts/building.py
then cuts from these. Noto Sans is cut to Latin with the Vietnamese letters.

The originals come from the npm registry's packages of Google Fonts' files:

    npm pack @expo-google-fonts/noto-sans-kr @expo-google-fonts/noto-sans-sc \
        @expo-google-fonts/noto-sans
    for f in expo-google-fonts-*.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    .venv/bin/python fonts/sources/subset_sources.py .

(the folder holding the unpacked packages), which writes the WOFF2 files and the licences next
to this script. The versions used are in fonts/sources/README.md.
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = Path(__file__).parent


def _span(first, last):
    return set(range(first, last + 1))


LATIN = _span(0x20, 0x7E) | _span(0xA0, 0xFF)
PUNCTUATION = (
    _span(0x2000, 0x206F)  # general punctuation: dashes, quotes, ellipsis
    | _span(0x2190, 0x21FF)  # arrows
    | _span(0x25A0, 0x25FF)  # geometric shapes: the evaluations' ○ △, ▼
    | {0xD7, 0x20AC, 0x2116, 0x2122}  # × € № ™
)
CJK_PUNCTUATION = _span(0x3000, 0x303F) | _span(0xFF00, 0xFFEF)  # and full-width forms
HANGUL = _span(0xAC00, 0xD7A3) | _span(0x3130, 0x318F)  # syllables, compatibility jamo


def gb2312():
    """Every character of GB 2312 (its 6,763 hanzi, symbols, kana, Greek, Cyrillic)."""
    characters = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                characters.update(map(ord, bytes([row, cell]).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return characters


VIETNAMESE = (
    _span(0x100, 0x24F)  # Latin Extended-A and -B: ă đ ơ ư
    | _span(0x300, 0x36F)  # combining diacritics
    | _span(0x1E00, 0x1EFF)  # Latin Extended Additional: ạ ế ữ …
    | {0x20AB}  # ₫
)

# (package folder, file stem in the package, stem here, code points)
SOURCES = [
    (
        "expo-google-fonts-noto-sans-kr",
        "NotoSansKR",
        "NotoSansKR",
        LATIN | PUNCTUATION | CJK_PUNCTUATION | HANGUL,
    ),
    (
        "expo-google-fonts-noto-sans-sc",
        "NotoSansSC",
        "NotoSansSC",
        LATIN | PUNCTUATION | CJK_PUNCTUATION | gb2312(),
    ),
    ("expo-google-fonts-noto-sans", "NotoSans", "NotoSans", LATIN | PUNCTUATION | VIETNAMESE),
]
WEIGHTS = [("400Regular", "Regular"), ("700Bold", "Bold")]


def _options():
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # fonts/cutting.py picks the features of the page cuts
    options.hinting = False  # browsers on high-resolution screens do not need it
    options.name_IDs = ["*"]  # the copyright and licence records
    options.notdef_outline = True
    options.drop_tables += ["DSIG"]
    return options


def make(originals):
    for folder, original_stem, stem, codepoints in SOURCES:
        package = next(originals.glob(f"{folder}-[0-9]*/package"))
        for weight_folder, weight in WEIGHTS:
            font = TTFont(package / weight_folder / f"{original_stem}_{weight_folder}.ttf")
            subsetter = subset.Subsetter(_options())
            subsetter.populate(unicodes=codepoints)
            subsetter.subset(font)
            font.flavor = "woff2"
            target = HERE / f"{stem}-{weight}.woff2"
            font.save(target)
            size = target.stat().st_size
            sys.stdout.write(f"{target.name}: {len(font.getBestCmap())} characters, {size} bytes\n")
        licence = (package / "LICENSE_FONT").read_text(encoding="utf-8")
        (HERE / f"OFL-{stem}.txt").write_text(licence, encoding="utf-8")


if __name__ == "__main__":
    make(Path(sys.argv[1]))
