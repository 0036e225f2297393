"""Kana helpers: the analyser reads in katakana, ふりがな are written in hiragana."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(ord("ァ"), ord("ヶ") + 1)}
HIRAGANA = re.compile(r"^[\u3041-\u309fー]+$")
KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]")


def to_hiragana(text):
    return text.translate(KATAKANA_TO_HIRAGANA)


def has_kanji(text):
    return bool(KANJI.search(text))


def is_hiragana(value):
    if not HIRAGANA.match(value or ""):
        raise ValidationError(_("読みはひらがなで入力してください。"))
