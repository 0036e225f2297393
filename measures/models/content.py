"""The parts of a measure sheet that repeat: departments, initiatives, the five-year plan and
the yearly progress reports. Each is a child of its MeasurePage, so it is versioned, reviewed
and published together with the page."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin

from measures.fiscal_years import fiscal_year_label
from measures.panels import FiscalYearSelect
from measures.vocabulary import Evaluation

FISCAL_YEAR_VALIDATORS = [MinValueValidator(2019), MaxValueValidator(2100)]


class MeasureDepartment(TranslatableMixin, Orderable):
    """A department on the sheet's 主管課 (関係課) row; the first one is the lead department."""

    page = ParentalKey("measures.MeasurePage", related_name="department_links")
    department = models.ForeignKey(
        "measures.Department", verbose_name=_("課"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("department")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("担当課")


class InitiativeStatus(models.TextChoices):
    ONGOING = "ongoing", _("継続")
    NEW = "new", _("新規")
    COMPLETED = "completed", _("完了")
    ABOLISHED = "abolished", _("廃止")


class MainInitiative(TranslatableMixin, Orderable, ClusterableModel):
    """One of the 主な取組 (①, ②, …) of a measure.

    A cluster of its own so that its departments are kept in the page's revisions.
    """

    page = ParentalKey("measures.MeasurePage", related_name="initiatives")
    number = models.PositiveSmallIntegerField(_("番号"))
    text = models.TextField(_("取組"))
    departments = ParentalManyToManyField(
        "measures.Department", verbose_name=_("担当課"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("状況"), max_length=10, choices=InitiativeStatus.choices, default=InitiativeStatus.ONGOING
    )
    status_fiscal_year = models.PositiveSmallIntegerField(
        _("状況の年度"), null=True, blank=True, validators=FISCAL_YEAR_VALIDATORS
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel("number"),
                FieldPanel("status"),
                FieldPanel("status_fiscal_year", widget=FiscalYearSelect),
            ]
        ),
        FieldPanel("text"),
        FieldPanel("departments"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("主な取組")

    @property
    def status_label(self):
        if self.status == InitiativeStatus.ONGOING:
            return ""
        if self.status_fiscal_year:
            return f"{self.get_status_display()} {fiscal_year_label(self.status_fiscal_year)}"
        return self.get_status_display()


class PlanEntry(TranslatableMixin, Orderable):
    """What the five-year plan (実施計画) sets out for one fiscal year."""

    page = ParentalKey("measures.MeasurePage", related_name="plan_entries")
    fiscal_year = models.PositiveSmallIntegerField(_("年度"), validators=FISCAL_YEAR_VALIDATORS)
    plan = models.CharField(_("実施計画"), max_length=255)

    panels = [
        FieldRowPanel([FieldPanel("fiscal_year", widget=FiscalYearSelect), FieldPanel("plan")])
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("実施計画")


class ProgressReport(TranslatableMixin, Orderable):
    """The progress of a measure in one fiscal year: what was done and how it is judged.

    Next year's report is one more of these, added by editors in the page editor.
    """

    page = ParentalKey("measures.MeasurePage", related_name="progress_reports")
    fiscal_year = models.PositiveSmallIntegerField(_("年度"), validators=FISCAL_YEAR_VALIDATORS)
    # Copied from the five-year plan when a reporting round opens, for the reporter to read.
    plan = models.CharField(_("この年度の実施計画"), max_length=255, blank=True)
    progress_label = models.CharField(_("進捗実績"), max_length=255, blank=True)
    achievements = models.TextField(_("実績"), blank=True)
    issues = models.TextField(_("課題"), blank=True)
    evaluation = models.CharField(
        _("進捗評価"), max_length=20, choices=Evaluation.choices, blank=True
    )
    reason = models.TextField(_("理由"), blank=True)

    panels = [
        FieldRowPanel(
            [FieldPanel("fiscal_year", widget=FiscalYearSelect), FieldPanel("progress_label")]
        ),
        FieldPanel("plan"),
        FieldPanel("achievements"),
        FieldPanel("issues"),
        FieldRowPanel([FieldPanel("evaluation")]),
        FieldPanel("reason"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("進捗報告")
        verbose_name_plural = _("進捗報告")

    @property
    def is_evaluated(self):
        return bool(self.evaluation)
