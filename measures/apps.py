from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasuresConfig(AppConfig):
    name = "measures"
    verbose_name = _("施策")

    def ready(self):
        from wagtail.models import AbstractPage
        from wagtail.permissions import register_permission_policy
        from wagtail.signals import page_published

        from measures import notifications
        from measures.history import record_publication
        from measures.models import MeasurePage
        from measures.permissions import DepartmentPagePermissionPolicy

        register_permission_policy(AbstractPage, DepartmentPagePermissionPolicy())
        notifications.connect()
        page_published.connect(
            record_publication, sender=MeasurePage, dispatch_uid="measures_change_note"
        )
