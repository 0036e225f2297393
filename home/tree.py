"""The site's page tree, made once: the home page under Wagtail's root, its sections under it.

The plan's import (measures.importer.loader) and publish_accessibility_report build the tree
through ensure_child; a page that exists is returned as it is, never changed, so what editors
did to it stays.
"""


def ensure_child(parent, page_class, slug, *, locale=None, **fields):
    """(page, created): parent's child of that type and slug (and locale, if given), made from
    fields and published when there is none."""
    existing = page_class.objects.child_of(parent).filter(slug=slug)
    if locale is not None:
        existing = existing.filter(locale=locale)
    page = existing.first()
    if page is not None:
        return page, False
    if locale is not None:
        fields["locale"] = locale
    page = parent.add_child(instance=page_class(slug=slug, **fields))
    page.save_revision(log_action=True).publish()
    return page, True
