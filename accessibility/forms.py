"""Editor forms that run the accessibility checks when a draft is submitted for review."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from accessibility.checks import ERROR, check_text

OVERRIDE_PERMISSION = "accessibility.override_checks"
SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")


def _text_fields(form):
    return [
        name
        for name, field in form.fields.items()
        if isinstance(field, forms.CharField)
        and not isinstance(field, forms.SlugField)
        and name not in {"slug", "seo_title", "search_description", "comment_notifications"}
    ]


class AccessibilityChecksMixin:
    """Runs accessibility.checks on every text field of the form and its inline children.

    Findings that the published version already had do not block: an editor answers for what
    they write, not for text inherited from the report. Errors block submission for review unless
    the user holds accessibility.override_checks; warnings never block. Ticking
    apply_accessibility_fixes applies every mechanical fix before the draft is saved.
    """

    def clean(self):
        cleaned_data = super().clean()
        fix = cleaned_data.get("apply_accessibility_fixes")
        published = self._published_values()
        blocking = []
        for label, form, name in self._checked_fields():
            data = form.cleaned_data if form is self else getattr(form, "cleaned_data", {})
            value = data.get(name) or ""
            if not isinstance(value, str):
                continue
            findings = check_text(value)
            if fix:
                for finding in findings:
                    if finding.fixed_text is not None:
                        value = finding.fixed_text
                data[name] = value
                findings = check_text(value)
            inherited = {(f.code, f.excerpt) for f in check_text(published.get((label, name), ""))}
            blocking += [
                (label, name, f)
                for f in findings
                if f.severity == ERROR and (f.code, f.excerpt) not in inherited
            ]
        if blocking and self._is_submitting() and not self._may_override():
            for label, name, finding in blocking:
                message = f"{label}: {finding.message}" if label else finding.message
                if label:
                    self.add_error(None, message)
                else:
                    self.add_error(name, message)
        return cleaned_data

    def _checked_fields(self):
        fields = [("", self, name) for name in _text_fields(self)]
        for formset in getattr(self, "formsets", {}).values():
            for index, child in enumerate(formset.forms, start=1):
                if child.is_valid() and not child.cleaned_data.get("DELETE"):
                    label = f"{formset.model._meta.verbose_name} {index}"
                    fields += [(label, child, name) for name in _text_fields(child)]
        return fields

    def _published_values(self):
        """(label, field) → text of the version now live, to tell inherited findings apart."""
        instance = self.instance
        if not instance.pk:
            return {}
        live = type(instance).objects.filter(pk=instance.pk).first()
        if live is None:
            return {}
        values = {("", name): getattr(live, name, "") for name in _text_fields(self)}
        for relation, formset in getattr(self, "formsets", {}).items():
            for index, child in enumerate(getattr(live, relation).all(), start=1):
                label = f"{formset.model._meta.verbose_name} {index}"
                for name in _text_fields(formset.form()):
                    values[(label, name)] = getattr(child, name, "")
        return {key: value or "" for key, value in values.items() if isinstance(value, str)}

    def _is_submitting(self):
        return any(self.data.get(action) for action in SUBMIT_ACTIONS)

    def _may_override(self):
        user = getattr(self, "for_user", None)
        return user is not None and user.has_perm(OVERRIDE_PERMISSION)


def fixes_field():
    return forms.BooleanField(
        label=_("機械的に直せる項目（文字の幅、機種依存文字、語中の空白）を自動で直す"),
        required=False,
    )


class CheckedPageForm(AccessibilityChecksMixin, WagtailAdminPageForm):
    apply_accessibility_fixes = fixes_field()
