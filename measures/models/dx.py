"""表1-3: the 自治体DX priorities (重点取組事項) and the measures that carry each of them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin


class DxPriority(TranslatableMixin, ClusterableModel):
    group = models.CharField(_("区分"), max_length=255)
    number = models.PositiveSmallIntegerField(_("番号"))
    title = models.CharField(_("重点取組事項"), max_length=255)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    history = HistoricalRecords()

    panels = [
        FieldPanel("group"),
        FieldPanel("number"),
        FieldPanel("title"),
        InlinePanel("measure_links", heading=_("施策"), label=_("施策")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("自治体DX重点取組事項")
        verbose_name_plural = _("自治体DX重点取組事項")
        ordering = ["sort_order"]

    def __str__(self):
        return f"({self.number}) {self.title}"


class DxPriorityMeasure(TranslatableMixin, Orderable):
    priority = ParentalKey(DxPriority, related_name="measure_links")
    measure_number = models.PositiveSmallIntegerField(_("施策番号"))
    points = models.JSONField(
        _("取組"),
        default=list,
        blank=True,
        help_text=_('[{"level": 0, "text": "…"}] の形式で、入れ子は level を 1 にします。'),
    )
    note = models.CharField(_("注記"), max_length=50, blank=True)

    panels = [FieldPanel("measure_number"), FieldPanel("note"), FieldPanel("points")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("施策")
