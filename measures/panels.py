"""Editor panels and widgets of the measure pages."""

from django import forms
from wagtail.admin.panels import MultiFieldPanel

from measures.fiscal_years import fiscal_year_choices


class FiscalYearSelect(forms.Select):
    """Fiscal years as 令和N年度 (YYYY); the value stored stays the Western year."""

    @property
    def choices(self):
        return fiscal_year_choices()

    @choices.setter
    def choices(self, value):
        """The choices are fixed by the calendar, not by the field."""


class ChangeNotePanel(MultiFieldPanel):
    """The change note and minor flag of the next publication.

    Both are page fields, so a published page still carries the note of its last update; the
    editor starts the next update from an empty note instead of re-publishing the old one.
    """

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            editing = self.form is not None and not self.form.is_bound
            if editing and not self.instance.has_unpublished_changes:
                self.form.initial.update(change_note="", minor_change=False)
