"""The database search backend, safe for whatever a reader types.

SQLite's full-text index reads a double quote as the start of a phrase and fails on an
unbalanced one, and cannot take a NUL character: with Wagtail's database backend such a query
answers 500 on the site search, the read API's ?search= and the admin's search boxes. Neither
character can be part of a word the index holds, so they are taken out of every query before
the backend chosen for the database (PostgreSQL, SQLite FTS5, or the fallback) compiles it.
"""

from django.db.models import QuerySet
from modelsearch.backends.base import EmptySearchResults
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

UNSEARCHABLE = str.maketrans({'"': " ", "\x00": " "})


def searchable(query):
    return " ".join(query.translate(UNSEARCHABLE).split()) if isinstance(query, str) else query


class NoMatches(EmptySearchResults):
    """No results, for a query of nothing but such characters; the model is kept, as the
    admin's listings read it from their results."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def _clone(self):
        return self.__class__(self.model)


class ReaderQueryMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        cleaned = searchable(query)
        if query and not cleaned:
            is_queryset = isinstance(model_or_queryset, QuerySet)
            return NoMatches(model_or_queryset.model if is_queryset else model_or_queryset)
        return super()._search(query_compiler_class, cleaned, model_or_queryset, **kwargs)


def SearchBackend(params):  # noqa: N802 (Wagtail loads a backend by this name)
    backend = DatabaseSearchBackend(params)
    backend.__class__ = type(
        f"Reader{type(backend).__name__}", (ReaderQueryMixin, type(backend)), {}
    )
    return backend
