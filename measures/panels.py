"""Editor panels of the measure pages that belong to the workflow."""

from wagtail.admin.panels import MultiFieldPanel


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
