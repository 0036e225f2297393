"""The reading dictionary: readings the city insists on where a stock dictionary guesses wrong."""

from django.core.cache import cache
from django.db import models
from django.db.models import Max
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from accessibility.kana import is_hiragana

VERSION_CACHE_KEY = "reading-dictionary-version"

# Seeded by bootstrap_site: stock dictionaries read 小山 as こやま; the city is おやま.
CITY_READINGS = [
    ("小山市", "おやまし", "市の名前"),
    ("小山", "おやま", "市の名前。一般の辞書では「こやま」と読まれることがある"),
    ("第3次", "だいさんじ", "計画の回次"),
    ("令和", "れいわ", "元号"),
    ("思川", "おもいがわ", "市内の川"),
    ("間々田", "ままだ", "市内の地名"),
    ("大谷", "おおや", "市内の地区（大谷出張所）"),
    ("開運", "かいうん", "開運おやま健康マイレージ"),
    ("主管課", "しゅかんか", "施策を主に担当する課"),
    ("関係課", "かんけいか", "施策に関係する課"),
    ("強靱化", "きょうじんか", ""),
    ("強靭化", "きょうじんか", ""),
    ("進捗", "しんちょく", ""),
    ("徘徊", "はいかい", ""),
    ("午睡", "ごすい", ""),
]


class ReadingEntry(index.Indexed, models.Model):
    surface = models.CharField(_("表記"), max_length=50, unique=True)
    reading = models.CharField(_("読み（ひらがな）"), max_length=100, validators=[is_hiragana])
    note = models.CharField(_("メモ"), max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    panels = [FieldPanel("surface"), FieldPanel("reading"), FieldPanel("note")]
    search_fields = [index.SearchField("surface"), index.SearchField("reading")]

    class Meta:
        verbose_name = _("読み仮名辞書の項目")
        verbose_name_plural = _("読み仮名辞書")
        ordering = ["surface"]

    def __str__(self):
        return f"{self.surface}（{self.reading}）"

    @classmethod
    def version(cls):
        """Changes with every added, edited or removed entry: part of each furigana cache key."""
        return cache.get_or_set(VERSION_CACHE_KEY, cls._compute_version, None)

    @classmethod
    def _compute_version(cls):
        stats = cls.objects.aggregate(latest=Max("updated_at"), count=models.Count("pk"))
        latest = stats["latest"].isoformat() if stats["latest"] else "-"
        return f"{stats['count']}:{latest}"


@receiver([post_save, post_delete], sender=ReadingEntry)
def forget_dictionary_version(**kwargs):
    cache.delete(VERSION_CACHE_KEY)
