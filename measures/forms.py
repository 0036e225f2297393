"""The measure editor's form: the accessibility checks, and one entry per fiscal year."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accessibility.forms import CheckedPageForm

YEARLY_PARTS = ("plan_entries", "progress_reports")
DUPLICATE_YEAR = _("この年度はすでにあります。1つの年度に1つだけ入力してください。")


class MeasurePageForm(CheckedPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        terms = self.fields.get("glossary_terms")
        if terms is not None:
            # The page's own language only: seven languages of 165 terms are a wall of repeats.
            terms.queryset = terms.queryset.filter(locale_id=self.instance.locale_id)
            terms.widget = forms.CheckboxSelectMultiple(
                attrs={"data-filterable-choices": "true"}, choices=terms.choices
            )

    def clean(self):
        cleaned_data = super().clean()
        for name in YEARLY_PARTS:
            formset = self.formsets.get(name)
            if formset is not None:
                mark_duplicate_years(formset)
        return cleaned_data


def mark_duplicate_years(formset):
    """A measure has one plan entry and one report per fiscal year: repeats are form errors."""
    seen = set()
    for form in formset.forms:
        if not form.is_valid() or form.cleaned_data.get("DELETE"):
            continue
        year = form.cleaned_data.get("fiscal_year")
        if year in seen:
            form.add_error("fiscal_year", DUPLICATE_YEAR)
        elif year is not None:
            seen.add(year)
