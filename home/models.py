"""Site-level pages: the home page with the basic policy and goals, and the open-data page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page, TranslatableMixin

from measures.models import published_measures
from measures.opendata import FIELD_DESCRIPTIONS, build_plan_export, describe_downloads
from measures.progress_overview import overview_by_goal
from measures.summary import HOME_TABLE_ROWS, summary_tables
from page_cache import tree
from search.documents import home_body
from search.index import AnalysedSearchField, page_search_fields


class HomePage(Page):
    plan_title = models.CharField(_("計画名"), max_length=255)
    report_title = models.CharField(_("報告書名"), max_length=255, blank=True)
    report_fiscal_year = models.PositiveSmallIntegerField(_("報告対象年度"), default=2022)
    published_label = models.CharField(_("発行"), max_length=100, blank=True)
    basic_policy = models.TextField(_("情報化の基本方針"))
    slogan = models.TextField(_("基本方針"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("plan_title"),
                FieldPanel("report_title"),
                FieldPanel("report_fiscal_year"),
                FieldPanel("published_label"),
            ],
            heading=_("計画"),
        ),
        FieldPanel("basic_policy"),
        FieldPanel("slogan"),
        InlinePanel("goals", heading=_("基本目標"), label=_("基本目標"), min_num=1),
    ]
    subpage_types = [
        "measures.MeasureIndexPage",
        "glossary.GlossaryIndexPage",
        "home.OpenDataPage",
        "accessibility.AccessibilityPolicyPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    template = "home/pages/home_page.html"
    search_fields = page_search_fields(AnalysedSearchField("basic_policy", text=home_body))

    class Meta:
        verbose_name = _("ホーム")

    def route(self, request, path_components):
        """Every public URL is routed from a home page: remembered per state of the page tree
        (page_cache.tree)."""
        return tree.route(self, request, path_components, super().route)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(summary_tables(self, request.GET.get("year"), HOME_TABLE_ROWS))
        goals = {goal.number: goal for goal in self.goals.all()}
        context["overview"] = overview_by_goal(
            published_measures(self), goals, context["report_fiscal_year"]
        )
        return context


class BasicGoal(TranslatableMixin, Orderable):
    page = ParentalKey(HomePage, related_name="goals")
    number = models.PositiveSmallIntegerField(_("番号"))
    title = models.CharField(_("基本目標"), max_length=255)
    subtitle = models.CharField(_("副題"), max_length=255, blank=True)
    explanation = models.TextField(_("説明"))
    directions = models.TextField(
        _("取り組みの方向性"), help_text=_("1行に1つずつ入力してください。")
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("subtitle"),
        FieldPanel("explanation"),
        FieldPanel("directions"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("基本目標")

    @property
    def direction_list(self):
        return [line.strip() for line in self.directions.splitlines() if line.strip()]


class OpenDataPage(Page):
    """/open-data/: describes the downloads (served by measures.views) and their licence."""

    licence = models.CharField(
        _("ライセンス"),
        max_length=255,
        default="クリエイティブ・コモンズ 表示 4.0 国際 (CC BY 4.0)",
    )
    licence_url = models.URLField(
        _("ライセンスのURL"), default="https://creativecommons.org/licenses/by/4.0/deed.ja"
    )

    content_panels = [*Page.content_panels, FieldPanel("licence"), FieldPanel("licence_url")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "home/pages/open_data_page.html"
    search_fields = page_search_fields()

    class Meta:
        verbose_name = _("オープンデータ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fields"] = FIELD_DESCRIPTIONS
        home = HomePage.objects.live().filter(locale_id=self.locale_id).ancestor_of(self).first()
        if home is not None:
            context["downloads"] = describe_downloads(build_plan_export(home, request=request))
        return context


@register_setting(icon="mail")
class SiteContact(BaseSiteSetting):
    """The city's site and the division's contact, shown in every page's footer.

    The values are the city's own (Japanese) words; pages in other languages mark them lang="ja".
    """

    city_url = models.URLField(_("市のウェブサイト"), default="https://www.city.oyama.tochigi.jp/")
    division_name = models.CharField(
        _("担当課"), max_length=255, default="小山市 総合政策部 情報政策課"
    )
    phone = models.CharField(_("電話番号"), max_length=50, blank=True)
    email = models.EmailField(_("メールアドレス"), blank=True)
    address = models.CharField(_("住所"), max_length=255, blank=True)
    source_report_url = models.URLField(
        _("出典の報告書のURL"),
        blank=True,
        help_text=_("実施計画調書を公開している市のページ。空欄なら出典を文字だけで示します。"),
    )

    panels = [
        FieldPanel("city_url"),
        MultiFieldPanel(
            [
                FieldPanel("division_name"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("address"),
            ],
            heading=_("問い合わせ先"),
        ),
        FieldPanel("source_report_url"),
    ]

    class Meta:
        verbose_name = _("サイトの問い合わせ先")

    @property
    def phone_uri(self):
        return "tel:" + "".join(c for c in self.phone if c.isdigit() or c == "+")
