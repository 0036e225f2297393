"""When the page cache is purged: after the transaction of each change that alters a public page.

Publishing is in editorial/publishing.py's list (purge_on_publish); the rest is connected here,
and reporting.services.close_round purges everything itself.
"""

from django.db.models.signals import post_save, pre_delete
from wagtail.signals import page_slug_changed, page_unpublished, post_page_move, pre_page_move

from glossary.models import GlossaryTerm
from measures.models import Department
from page_cache import affected
from page_cache.purge import purge_on_commit


def purge_on_publish(sender, instance, **kwargs):
    """Publish receiver (editorial.publishing)."""
    purge_on_commit(lambda: affected.of_page(instance))


def _page_unpublished(sender, instance, **kwargs):
    purge_on_commit(lambda: affected.of_page(instance))


def _page_moves(sender, instance, **kwargs):
    """A move changes the URLs of the page and those below it, and the links to them: every
    URL, taken before (the old ones) and after."""
    purge_on_commit(affected.everything)


def _slug_changed(sender, instance, instance_before, **kwargs):
    """As a move, told after it: the old URLs are the new ones under the page with its old path."""
    purge_on_commit(lambda: affected.after_slug_change(instance_before, instance))


def _glossary_term_changed(sender, instance, **kwargs):
    # Before a deletion: the pages linking the term are found through the links it removes.
    purge_on_commit(lambda: affected.of_glossary_term(instance))


def _department_changed(sender, instance, **kwargs):
    purge_on_commit(lambda: affected.of_department(instance))


def connect():
    page_unpublished.connect(_page_unpublished, dispatch_uid="page_cache.unpublished")
    for signal in (pre_page_move, post_page_move):
        signal.connect(_page_moves, dispatch_uid="page_cache.move")
    page_slug_changed.connect(_slug_changed, dispatch_uid="page_cache.slug")
    for signal in (post_save, pre_delete):
        signal.connect(_glossary_term_changed, sender=GlossaryTerm, dispatch_uid="page_cache.term")
        signal.connect(_department_changed, sender=Department, dispatch_uid="page_cache.department")
