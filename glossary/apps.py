from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    name = "glossary"
    verbose_name = _("用語集")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from glossary.models import GlossaryTerm
        from glossary.permissions import GlossaryTermPermissionPolicy

        register_permission_policy(GlossaryTerm, GlossaryTermPermissionPolicy(GlossaryTerm))
