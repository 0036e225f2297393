"""Search fields whose indexed value is the analysed form of the text (see search.analysis).

With the database backends the index stores our tokens; with Elasticsearch/OpenSearch
(`SEARCH_URL`) the engine's own Japanese analyser reads the raw text, so the value is left as is.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.conf import settings
from django.db.models.signals import post_save
from django.utils.encoding import force_str
from django.utils.html import strip_tags
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from search.analysis import index_text


def engine_analyses_text() -> bool:
    return bool(getattr(settings, "SEARCH_URL", ""))


def plain_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(plain_text(item) for item in value)
    return strip_tags(force_str(value))


class AnalysedSearchField(index.SearchField):
    """A SearchField indexed as our tokens.

    `text`, a function of the object, computes the value instead of the field: a measure's
    `content` field is indexed with everything else on its sheet (search.documents).
    """

    def __init__(self, field_name, *, text=None, **kwargs):
        super().__init__(field_name, **kwargs)
        self.text = text

    def get_value(self, obj):
        value = plain_text(self.text(obj) if self.text else super().get_value(obj))
        return value if engine_analyses_text() else index_text(value)


def page_search_fields(*fields):
    """Page.search_fields, the title analysed as well, then `fields`.

    Wagtail expects every page type to keep Page.search_fields; the raw title it indexes is one
    more token next to the analysed ones.
    """
    return [*Page.search_fields, AnalysedSearchField("title", boost=2), *fields]


def indexed_field_names(model):
    """The names of model's fields whose values the index holds. The database backends keep the
    text (search and autocomplete fields) and filter on the table itself; a search engine keeps
    the filter fields and related objects' fields too."""
    kept = (
        (index.BaseField, index.RelatedFields)
        if engine_analyses_text()
        else (index.SearchField, index.AutocompleteField)
    )
    return {field.field_name for field in model.get_search_fields() if isinstance(field, kept)}


def reindex_on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """modelsearch's post_save handler, less the saves that write nothing the index holds.

    Saving a revision writes only a page's revision bookkeeping (latest_revision, draft_title,
    has_unpublished_changes): the live page, which is what is indexed, is unchanged. Re-indexing
    it anyway took most of the time of a draft save, and half the time of opening a reporting round
    (a draft for each of the 24 measures).
    """
    if update_fields is not None and not set(update_fields) & indexed_field_names(sender):
        return
    post_save_signal_handler(instance, raw=raw, **kwargs)


def connect_reindexing():
    """Put reindex_on_save in the place of modelsearch's handler on every auto-updated model."""
    for model in _auto_updated_models():
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(reindex_on_save, sender=model)


def _auto_updated_models():
    return [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]


@contextmanager
def updates_deferred():
    """Index each object saved inside the block once, when the block ends without an error.

    Saving a translation saves its object several times (the copy, the revision, the publish), and
    each save would re-index it with every analysed field: a seeding import spent a third of its
    time there. Inside the block the index is left alone and the objects saved are noted; at the
    end each is indexed once, in bulk per model. For a single process's batch work (commands):
    the signal is disconnected for the whole process while the block runs.
    """
    models = _auto_updated_models()
    saved = {}

    def note_saved(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[(sender, instance.pk)] = None

    for model in models:
        post_save.disconnect(reindex_on_save, sender=model)
        post_save.connect(note_saved, sender=model, weak=False)
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(note_saved, sender=model)
            post_save.connect(reindex_on_save, sender=model)
    _index_now(saved)


def _index_now(saved):
    by_model = defaultdict(list)
    for model, pk in saved:
        by_model[model].append(pk)
    for model, pks in by_model.items():
        index_objects(model, pks)


def index_objects(model, pks):
    """(Re)index these objects of model in every auto-updated backend, in bulk."""
    objects = list(model.get_indexed_objects().filter(pk__in=pks).order_by("pk"))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, objects)
