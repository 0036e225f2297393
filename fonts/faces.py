"""The self-hosted font families, and the language whose text each one draws.

BIZ UDPGothic draws Japanese and the languages in Latin letters it covers (English, Portuguese,
Spanish). It has no Hangul, no hanzi that are only simplified (计 语 页) and no Vietnamese letters
(ạ ơ ư), so Korean, Chinese and Vietnamese text is drawn in Noto Sans KR, Noto Sans SC and
Noto Sans, with BIZ UDPGothic after them in their stacks (assets/css/site.css) for what they
lack. A passage's language is its nearest lang attribute: a Japanese name marked lang="ja" in a
Korean page is drawn in BIZ UDPGothic.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Face:
    key: str  # names its files and its part of the manifest
    family: str  # of its @font-face rules, first in its languages' stacks
    languages: tuple  # primary language subtags of the text it draws
    sources: dict = field(hash=False)  # weight: source font stem (fonts/sources/)
    licence: str  # copyright line for the stylesheet

    @property
    def fallback_family(self):
        return f"{self.family} Fallback"


JAPANESE = Face(
    "udpgothic",
    "Plan BIZ UDPGothic",
    ("ja", "en", "pt", "es"),
    {400: "BIZUDPGothic-Regular", 700: "BIZUDPGothic-Bold"},
    "BIZ UDPGothic, BIZ UDGothic: (c) 2022 The BIZ UDGothic Project Authors, SIL OFL 1.1",
)
FACES = (
    JAPANESE,
    Face(
        "notosanskr",
        "Plan Noto Sans KR",
        ("ko",),
        {400: "NotoSansKR-Regular", 700: "NotoSansKR-Bold"},
        "Noto Sans KR: (c) 2014-2021 Adobe, SIL OFL 1.1",
    ),
    Face(
        "notosanssc",
        "Plan Noto Sans SC",
        ("zh",),
        {400: "NotoSansSC-Regular", 700: "NotoSansSC-Bold"},
        "Noto Sans SC: (c) 2014-2021 Adobe, SIL OFL 1.1",
    ),
    Face(
        "notosans",
        "Plan Noto Sans",
        ("vi",),
        {400: "NotoSans-Regular", 700: "NotoSans-Bold"},
        "Noto Sans: (c) 2022 The Noto Project Authors, SIL OFL 1.1",
    ),
)
FACES_BY_KEY = {face.key: face for face in FACES}
WEIGHT_VALUES = (400, 700)


def face_of(language):
    """The face drawing text in this language (a lang attribute's value or a language code)."""
    primary = (language or "").split("-")[0].lower()
    return next((face for face in FACES if primary in face.languages), JAPANESE)
