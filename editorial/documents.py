"""The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    """Wagtail's form, saying only what is wrong with a refused file.

    A file refused by its field (too large) leaves the document without one, and the model's own
    check would then add "file extension “” is not allowed" to the real reason.
    """

    def _post_clean(self):
        if self.has_error("file"):
            return
        super()._post_clean()
