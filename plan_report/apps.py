from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanReportConfig(AppConfig):
    """The 実施計画調書 as a document (PDF or HTML), made from the published pages."""

    name = "plan_report"
    verbose_name = _("実施計画調書")

    def ready(self):
        from wagtail.signals import page_published

        from plan_report import signals

        page_published.connect(signals.rebuild_after_publish, dispatch_uid="plan_report_rebuild")
