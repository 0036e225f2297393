"""The editor's view of the checks: every finding on the draft, with where and how to fix it."""

from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_all_child_relations
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel

from accessibility.checks import ERROR, check_text

SKIPPED_FIELDS = {"slug", "url_path", "draft_title", "seo_title", "search_description"}


def findings_for(instance):
    """(field label, finding) for every text field of a model instance and its inline children."""
    results = []
    for field in instance._meta.concrete_fields:
        if (
            field.get_internal_type() in {"CharField", "TextField"}
            and field.name not in SKIPPED_FIELDS
        ):
            value = getattr(instance, field.name, "") or ""
            results += [(str(field.verbose_name), f) for f in check_text(value)]
    for relation in get_all_child_relations(instance):
        for index, child in enumerate(getattr(instance, relation.get_accessor_name()).all(), 1):
            label = f"{child._meta.verbose_name} {index}"
            results += [(f"{label} {name}", f) for name, f in findings_for(child)]
    return results


class FindingsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "accessibility/panels/findings.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            findings = findings_for(self.instance) if self.instance else []
            context["errors"] = [(label, f) for label, f in findings if f.severity == ERROR]
            context["warnings"] = [(label, f) for label, f in findings if f.severity != ERROR]
            return context


def accessibility_checks_panel():
    return MultiFieldPanel(
        [FindingsPanel(), FieldPanel("apply_accessibility_fixes")],
        heading=_("アクセシビリティ確認"),
        classname="collapsed",
    )
