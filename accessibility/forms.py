"""Editor forms that run the accessibility checks when a draft is submitted for review."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from accessibility.checks import apply_fixes
from accessibility.findings import (
    TextField,
    checked_model_fields,
    field_label,
    is_rich_text,
    part_label,
    published_version,
    review,
    text_fields,
)

OVERRIDE_PERMISSION = "accessibility.override_checks"
SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")
# Wagtail's own formset of editors' comments: staff talk, not page text.
COMMENTS_FORMSET = "comments"


def normalised_newlines(data):
    r"""The posted data with browsers' \r\n line breaks stored as \n, as the import stores them.

    Without this every textarea a browser sends differs from the stored text, so an untouched
    field shows as changed in the revision comparison and the form always reports a change.
    """
    if data is None:
        return None
    normalised = data.copy()
    for key, values in data.lists():
        normalised.setlist(
            key, [v.replace("\r\n", "\n") if isinstance(v, str) else v for v in values]
        )
    return normalised


class ChangeAwareFormMixin:
    """has_changed() tells whether the content changed, as a browser posts the form.

    Django gives fields whose model default is callable (the SDGs' JSON list) a hidden "initial"
    input to compare against; Wagtail's panels do not render it, so such a field would always
    count as changed, and every workflow action taken from the edit view would save a revision
    under the reviewer. The comparison with the instance's own value is what is wanted.
    """

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(normalised_newlines(data), *args, **kwargs)
        for field in self.fields.values():
            field.show_hidden_initial = False

    def has_changed(self):
        """Whether the posted content differs from the draft the form was shown with."""
        return bool(self.changed_data) or any(
            self._formset_changed(name, formset) for name, formset in self.formsets.items()
        )

    def _formset_changed(self, name, formset):
        """A draft's inline parts that were never published have no id yet, so the browser
        posts them as new forms; they count as changed only if they differ from the draft."""
        if name == COMMENTS_FORMSET:
            return formset.has_changed()
        if formset.deleted_forms:
            return True
        if any(form.has_changed() for form in formset.forms if form.instance.pk):
            return True
        posted = [form for form in formset.forms if not form.instance.pk and form.has_changed()]
        unsaved = [child for child in getattr(self.instance, name).all() if child.pk is None]
        return len(posted) != len(unsaved) or any(
            not same_as(form, child) for form, child in zip(posted, unsaved, strict=True)
        )


IDENTITY_FIELDS = {"id", "DELETE", "ORDER"}


def same_as(form, child):
    """The posted inline form holds what the unsaved child already has."""
    if not form.is_valid():
        return False
    for name, value in form.cleaned_data.items():
        if name in IDENTITY_FIELDS or name not in form.fields:
            continue
        current = getattr(child, name, None)
        if hasattr(current, "all"):
            current, value = {o.pk for o in current.all()}, {o.pk for o in value or []}
        elif hasattr(current, "pk"):
            current, value = current.pk, getattr(value, "pk", value)
        if current != value:
            return False
    return True


class AccessibilityChecksMixin:
    """Runs accessibility.checks on every text field of the form and its inline children.

    Findings that the published version already had do not block (accessibility.findings).
    Errors block submission for review unless the user holds accessibility.override_checks;
    warnings never block. Ticking apply_accessibility_fixes applies every mechanical fix to every
    field before the draft is saved.
    """

    def clean(self):
        cleaned_data = super().clean()
        fields = self._submitted_text_fields(fix=cleaned_data.get("apply_accessibility_fixes"))
        live = published_version(self.instance)
        findings = review(fields, text_fields(live) if live else [])
        blocking = [item for item in findings if item.blocks]
        if blocking and self._is_submitting() and not self._may_override():
            for item in blocking:
                if item.field.part:
                    self.add_error(None, f"{item.field.label}: {item.finding.message}")
                else:
                    self.add_error(item.field.name, item.finding.message)
        return cleaned_data

    def _submitted_text_fields(self, fix):
        """The posted text of the page and its kept inline parts, fixed first if asked to."""
        parts = [("", self)]
        for name, formset in getattr(self, "formsets", {}).items():
            if name == COMMENTS_FORMSET:
                continue
            kept = [
                child
                for child in formset.forms
                if child.is_valid() and not child.cleaned_data.get("DELETE")
            ]
            parts += [
                (part_label(formset.model, index), child) for index, child in enumerate(kept, 1)
            ]
        fields = []
        for part, form in parts:
            data = getattr(form, "cleaned_data", {})
            for model_field in checked_model_fields(form._meta.model):
                value = data.get(model_field.name)
                if not isinstance(value, str):
                    continue
                is_html = is_rich_text(model_field)
                if fix and not is_html:
                    value = data[model_field.name] = apply_fixes(value)
                label = field_label(part, model_field)
                fields.append(TextField(part, model_field.name, label, value, is_html))
        return fields

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


class CheckedPageForm(ChangeAwareFormMixin, AccessibilityChecksMixin, WagtailAdminPageForm):
    apply_accessibility_fixes = fixes_field()
