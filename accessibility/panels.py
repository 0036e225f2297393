"""The editor's view of the checks: what blocks submission, what was inherited, what to consider."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel

from accessibility.checks import ERROR
from accessibility.findings import review_instance


class FindingsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "accessibility/panels/findings.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            findings = review_instance(self.instance) if self.instance else []
            context["blocking"] = [item for item in findings if item.blocks]
            context["inherited"] = [
                item for item in findings if item.finding.severity == ERROR and item.inherited
            ]
            context["warnings"] = [item for item in findings if item.finding.severity != ERROR]
            return context


def accessibility_checks_panel():
    return MultiFieldPanel(
        [FindingsPanel(), FieldPanel("apply_accessibility_fixes")],
        heading=_("アクセシビリティ確認"),
        classname="collapsed",
    )
