from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The moderation that measures and glossary terms share: staff roles, department-scoped
    permissions, the review workflow's guards and approval, notifications and history."""

    name = "editorial"
    verbose_name = _("編集と審査")

    def ready(self):
        from wagtail.models import AbstractPage
        from wagtail.permissions import register_permission_policy

        from editorial import notifications, publishing
        from editorial.permissions import DepartmentPagePermissionPolicy

        register_permission_policy(AbstractPage, DepartmentPagePermissionPolicy())
        notifications.connect()
        publishing.connect()
