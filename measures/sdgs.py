"""The 17 Sustainable Development Goals, named as the United Nations name them in Japanese
(国連広報センター); the catalogues give each language the UN's own name for it."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

SDG_NAMES = {
    1: _("貧困をなくそう"),
    2: _("飢餓をゼロに"),
    3: _("すべての人に健康と福祉を"),
    4: _("質の高い教育をみんなに"),
    5: _("ジェンダー平等を実現しよう"),
    6: _("安全な水とトイレを世界中に"),
    7: _("エネルギーをみんなに そしてクリーンに"),
    8: _("働きがいも経済成長も"),
    9: _("産業と技術革新の基盤をつくろう"),
    10: _("人や国の不平等をなくそう"),
    11: _("住み続けられるまちづくりを"),
    12: _("つくる責任 つかう責任"),
    13: _("気候変動に具体的な対策を"),
    14: _("海の豊かさを守ろう"),
    15: _("陸の豊かさも守ろう"),
    16: _("平和と公正をすべての人に"),
    17: _("パートナーシップで目標を達成しよう"),
}


@dataclass(frozen=True)
class Sdg:
    number: int

    @property
    def name(self):
        return SDG_NAMES[self.number]


def sdgs_of(numbers):
    """The goals of a measure's sdgs list, in its order, ignoring numbers that are not goals."""
    return [Sdg(number) for number in numbers if number in SDG_NAMES]


def all_sdgs():
    return [Sdg(number) for number in SDG_NAMES]
