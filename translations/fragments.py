"""Marking the Japanese inside translated text, so that screen readers switch voice for it.

A translation keeps Japanese names beside their translation ("Mynaportal (マイナポータル)",
"儿童科（こども課）"). Each such fragment is wrapped in `<span lang="ja">`. In Chinese, which
shares the characters, only fragments in brackets that hold kana are Japanese for certain; a
bracket of Han characters may be Chinese and is left alone, and so is a Chinese part of a
bracket that lists several ("MaaS（出行即服务，マース: …）": only マース is Japanese).
"""

import re

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

SOURCE_LANGUAGE = "ja"
HAN_SCRIPT_LANGUAGES = {"zh-hans"}
_JAPANESE = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f々〆〇ー・「」『』"
# A run of Japanese script; inner spaces and digits stay in it ("令和4年度", "小山市 情報政策課").
JAPANESE_RUN = re.compile(rf"[{_JAPANESE}](?:[{_JAPANESE}0-9０-９ 　]*[{_JAPANESE}])?")
KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
BRACKET_WITH_KANA = re.compile(
    r"(?<=[（(])[^（）()]*[\u3040-\u30ff\uff66-\uff9f][^（）()]*(?=[）)])"
)


def has_japanese(text):
    return bool(JAPANESE_RUN.search(text or ""))


def _wrap(match):
    return format_html('<span lang="ja">{}</span>', match.group(0))


# The parts of a bracket, without the spaces around them: "，" "、" "：" separate a Chinese gloss
# from a Japanese reading.
BRACKET_PART = re.compile(r"[^，、：:；\s](?:[^，、：:；]*[^，、：:；\s])?")


def _wrap_part_with_kana(match):
    part = match.group(0)  # of escaped text
    return f'<span lang="ja">{part}</span>' if KANA.search(part) else part


def _wrap_parts_with_kana(match):
    return BRACKET_PART.sub(_wrap_part_with_kana, match.group(0))


def mark_japanese(text, language_code):
    """Plain text, escaped, with the Japanese fragments of a translation into language_code
    marked (never given HTML: a Japanese run inside an attribute would be wrapped too)."""
    escaped = conditional_escape(text or "")
    if language_code == SOURCE_LANGUAGE or not escaped:
        return escaped
    if language_code in HAN_SCRIPT_LANGUAGES:
        marked = BRACKET_WITH_KANA.sub(_wrap_parts_with_kana, str(escaped))
    else:
        marked = JAPANESE_RUN.sub(_wrap, str(escaped))
    return mark_safe(marked)  # noqa: S308 (escaped above)
