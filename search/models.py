"""Synonyms the city's staff keep in the admin (検索の同義語), applied to queries at search time."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.models import RevisionMixin

TERM_SEPARATORS = re.compile(r"[,、，\n]+")


def split_terms(text: str) -> list[str]:
    return [term.strip() for term in TERM_SEPARATORS.split(text) if term.strip()]


class SynonymGroup(RevisionMixin, models.Model):
    """Words that mean the same in a search: wifi = Wi-Fi = 無線LAN = 公衆無線LAN.

    One way (地震 → 防災): the first word also finds the others, but not the other way round.
    """

    terms = models.TextField(
        _("同じ意味の言葉"),
        help_text=_("「、」または改行で区切って入力します（例: スマホ、スマートフォン）。"),
    )
    one_way = models.BooleanField(
        _("一方向"),
        default=False,
        help_text=_("最初の言葉で検索したときだけ、ほかの言葉も探します。"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("検索の同義語")
        verbose_name_plural = _("検索の同義語")
        ordering = ["pk"]

    def __str__(self):
        return "、".join(self.term_list)

    @property
    def term_list(self) -> list[str]:
        return split_terms(self.terms)
