"""The measure pages: /measures/ lists them, /measures/{n}/ is one measure sheet."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField

from accessibility.panels import accessibility_checks_panel
from measures.forms import MeasurePageForm
from measures.listing import filtered_measures, measure_list_page
from measures.models.snippets import Department
from measures.panels import ChangeNotePanel
from measures.progress_overview import overview_by_department
from measures.vocabulary import CATEGORY_FIELDS
from search.documents import MEASURE_PARTS, measure_body
from search.index import AnalysedSearchField, page_search_fields

# What a measure sheet shows of its parts: fetched with the page, never per item in a template.
SHEET_PARTS = (
    "department_links__department",
    "initiatives__departments",
    "plan_entries",
    "progress_reports",
    "glossary_terms",
)


def validate_sdgs(value):
    if not isinstance(value, list) or not all(isinstance(n, int) and 1 <= n <= 17 for n in value):
        raise ValidationError(_("SDGs は 1 から 17 までの番号のリストで入力してください。"))


class MeasureIndexPage(Page):
    intro = RichTextField(_("はじめに"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["measures.MeasurePage"]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    template = "measures/pages/measure_index_page.html"
    search_fields = page_search_fields()

    class Meta:
        verbose_name = _("施策一覧")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        measures = published_measures(self)
        departments = Department.objects.filter(locale_id=self.locale_id)
        listing = filtered_measures(measures, departments, request.GET)
        context.update(listing)
        context.update(measure_list_page(listing["measures"], request.GET))
        context["report_fiscal_year"] = self.report_fiscal_year
        context["overview"] = overview_by_department(measures, self.report_fiscal_year)
        return context

    @property
    def report_fiscal_year(self):
        """The year the plan's home page reports on."""
        return self.get_parent().specific.report_fiscal_year


class MeasurePage(Page):
    """One measure (施策) of the plan, with every field of its sheet in the report."""

    # Any number the column holds: the plan's run from 1, synthetic sites' from 1000.
    number = models.PositiveSmallIntegerField(
        _("施策番号"), validators=[MinValueValidator(1), MaxValueValidator(32767)]
    )
    dx = models.BooleanField(_("自治体DX"), default=False)
    goal = models.PositiveSmallIntegerField(
        _("基本目標"), choices=[(n, str(n)) for n in range(1, 5)]
    )
    category_smart_government = models.BooleanField(CATEGORY_FIELDS[0][1], default=False)
    category_future_society = models.BooleanField(CATEGORY_FIELDS[1][1], default=False)
    category_digital_administration = models.BooleanField(CATEGORY_FIELDS[2][1], default=False)
    category_infrastructure = models.BooleanField(CATEGORY_FIELDS[3][1], default=False)
    policy_areas = models.TextField(
        _("施策分野"), blank=True, help_text=_("1行に1つずつ入力してください。")
    )
    sdgs = models.JSONField(
        _("SDGs"),
        default=list,
        blank=True,
        validators=[validate_sdgs],
        help_text=_("関連する SDGs の番号（例: [1, 10]）"),
    )
    related_plan = models.CharField(_("関連計画"), max_length=255, blank=True)
    plain_summary = models.TextField(
        _("やさしい日本語の要約"),
        blank=True,
        help_text=_("短い文と身近な言葉で、この施策を3〜5文で説明します。"),
    )
    situation = models.TextField(_("現状・課題"))
    content = models.TextField(_("施策内容"))
    expected_effects = models.TextField(_("期待される効果"))
    glossary_terms = ParentalManyToManyField(
        "glossary.GlossaryTerm", verbose_name=_("用語集へのリンク"), blank=True, related_name="+"
    )
    change_note = models.TextField(
        _("更新内容"),
        blank=True,
        help_text=_(
            "審査に送るときに、この更新で何が変わったかを書きます。公開ページの更新履歴に載ります。"
        ),
    )
    minor_change = models.BooleanField(
        _("軽微な修正"),
        default=False,
        help_text=_("誤字の修正など、更新履歴に載せない小さな変更のときに選びます。"),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("goal"), FieldPanel("dx")]),
        FieldPanel("plain_summary"),
        InlinePanel("department_links", heading=_("主管課・関係課"), label=_("課"), min_num=1),
        MultiFieldPanel(
            [FieldPanel(name) for name, _label in CATEGORY_FIELDS], heading=_("目標区分")
        ),
        FieldPanel("policy_areas"),
        FieldPanel("sdgs"),
        FieldPanel("related_plan"),
        FieldPanel("situation"),
        FieldPanel("content"),
        InlinePanel("initiatives", heading=_("主な取組"), label=_("取組")),
        FieldPanel("expected_effects"),
        InlinePanel("plan_entries", heading=_("実施計画"), label=_("年度の計画")),
        InlinePanel("progress_reports", heading=_("進捗実績"), label=_("年度の報告")),
        FieldPanel("glossary_terms"),
        ChangeNotePanel(
            [FieldPanel("change_note"), FieldPanel("minor_change")], heading=_("更新履歴")
        ),
        accessibility_checks_panel(),
    ]
    base_form_class = MeasurePageForm
    # A change note belongs to one publication in one language: translations neither copy nor
    # translate it, so each language's change history has its own notes.
    override_translatable_fields = [
        BaseTranslatableField("change_note"),
        BaseTranslatableField("minor_change"),
    ]

    search_fields = page_search_fields(
        AnalysedSearchField("content", text=measure_body),
        index.FilterField("number"),
        index.FilterField("goal"),
        index.FilterField("dx"),
    )

    parent_page_types = ["measures.MeasureIndexPage"]
    subpage_types = []
    template = "measures/pages/measure_page.html"

    class Meta:
        verbose_name = _("施策")
        verbose_name_plural = _("施策")

    def __str__(self):
        return f"{self.number}. {self.title}"

    @classmethod
    def get_indexed_objects(cls):
        """What indexing reads (measure_body), fetched with the pages rather than per page."""
        return super().get_indexed_objects().prefetch_related(*MEASURE_PARTS)

    def get_context(self, request, *args, **kwargs):
        # A preview's page holds its parts in memory, as the editor left them: nothing to fetch.
        if self.pk and not getattr(request, "is_preview", False):
            prefetch_related_objects([self], *SHEET_PARTS)
        return super().get_context(request, *args, **kwargs)

    @property
    def categories(self):
        return [label for name, label in CATEGORY_FIELDS if getattr(self, name)]

    @property
    def policy_area_list(self):
        return [line.strip() for line in self.policy_areas.splitlines() if line.strip()]

    @cached_property
    def departments(self):
        # Read once per page object: templates ask for the departments many times.
        return [link.department for link in self.department_links.all()]

    @property
    def lead_department(self):
        return self.departments[0] if self.departments else None

    def initiative_departments(self, initiative):
        """An initiative's departments in the order of the sheet (lead first), others after."""
        position = {d.pk: n for n, d in enumerate(self.departments)}
        return sorted(
            initiative.departments.all(), key=lambda d: (position.get(d.pk, len(position)), d.name)
        )

    def initiatives_with_departments(self):
        return [(i, self.initiative_departments(i)) for i in self.initiatives.all()]

    def latest_report(self):
        evaluated = [r for r in self.progress_reports.all() if r.evaluation]
        return max(evaluated, key=lambda r: r.fiscal_year, default=None)

    def reports_latest_first(self):
        """The published yearly reports that say something, the current year first."""
        reports = [r for r in self.progress_reports.all() if r.evaluation or r.achievements]
        return sorted(reports, key=lambda r: r.fiscal_year, reverse=True)

    def plan_for(self, fiscal_year):
        return next((e.plan for e in self.plan_entries.all() if e.fiscal_year == fiscal_year), "")

    def fiscal_year_rows(self):
        """Plan against actual, one row per fiscal year of the plan and any later report."""
        reports = {r.fiscal_year: r for r in self.progress_reports.all()}
        plans = {e.fiscal_year: e.plan for e in self.plan_entries.all()}
        return [
            {"fiscal_year": year, "plan": plans.get(year, ""), "report": reports.get(year)}
            for year in sorted(plans.keys() | reports.keys())
        ]


def published_measures(root_page):
    """Live measures under root_page, in its language, in plan order, with their parts loaded:
    the query every public view of the measures starts from."""
    return (
        MeasurePage.objects.live()
        .descendant_of(root_page)
        .filter(locale_id=root_page.locale_id)
        .order_by("number")
        .prefetch_related(*SHEET_PARTS)
    )
