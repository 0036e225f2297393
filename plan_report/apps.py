from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanReportConfig(AppConfig):
    """The 実施計画調書 as a document (PDF or HTML), made from the published pages."""

    name = "plan_report"
    verbose_name = _("実施計画調書")
