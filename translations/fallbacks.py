"""Which texts on a page in another language are Japanese source text standing in for a
translation that does not exist yet.

A text is such a fallback when it is one of the Japanese strings wagtail-localize has extracted
for translation (its String table, which also keeps earlier versions of the source), or a point
of the 自治体DX table, which is copied rather than translated. Comparing with the source rather
than guessing from the script keeps proper nouns like "Oyama (小山市)" in a translation apart from
untranslated Japanese, and works for Chinese, which shares the characters.
"""

import re

from django.utils.translation import get_language
from wagtail.models import Locale
from wagtail_localize.models import String
from wagtail_localize.strings import StringValue

from measures.models import DxPriorityMeasure

SOURCE_LANGUAGE = "ja"
# Kana, CJK ideographs and full-width forms: a source string without any ("AI", "2022") reads
# the same in every language and needs no change of voice.
JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _hash(text):
    return String._get_data_hash(StringValue.from_plaintext(text.strip()).data)


def _japanese_source_hashes():
    locale = Locale.get_default()
    hashes = set(String.objects.filter(locale=locale).values_list("data_hash", flat=True))
    for points in DxPriorityMeasure.objects.filter(locale=locale).values_list("points", flat=True):
        hashes.update(_hash(point["text"]) for point in points if point.get("text"))
    return hashes


class FallbackDetector:
    """Answers, for one request, whether a displayed text is untranslated Japanese.

    Remembers on the request that it found one, so the page can say that parts of it are
    still in Japanese.
    """

    def __init__(self, request):
        self.request = request
        self._hashes = None

    @classmethod
    def for_request(cls, request):
        if request is None:
            return cls(None)
        if not hasattr(request, "_fallback_detector"):
            request._fallback_detector = cls(request)
        return request._fallback_detector

    def is_fallback(self, text):
        if get_language() == SOURCE_LANGUAGE or not isinstance(text, str):
            return False
        if not JAPANESE_SCRIPT.search(text):
            return False
        if self._hashes is None:
            self._hashes = _japanese_source_hashes()
        found = _hash(text) in self._hashes
        if found and self.request is not None:
            self.request.has_japanese_fallback = True
        return found


def shows_japanese_fallback(request):
    return getattr(request, "has_japanese_fallback", False)
