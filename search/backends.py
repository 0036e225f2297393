"""The database search backend, safe for whatever a reader types.

SQLite's full-text index reads a double quote as the start of a phrase and fails on an
unbalanced one, and cannot take a NUL character: with Wagtail's database backend such a query
answers 500 on the site search, the read API's ?search= and the admin's search boxes. Neither
character can be part of a word the index holds, so they are taken out of every query before
the backend chosen for the database (PostgreSQL, SQLite FTS5, or the fallback) compiles it.
"""

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

UNSEARCHABLE = str.maketrans({'"': " ", "\x00": " "})


def searchable(query):
    return " ".join(query.translate(UNSEARCHABLE).split()) if isinstance(query, str) else query


class ReaderQueryMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, searchable(query), model_or_queryset, **kwargs)


def SearchBackend(params):  # noqa: N802 (Wagtail loads a backend by this name)
    backend = DatabaseSearchBackend(params)
    backend.__class__ = type(
        f"Reader{type(backend).__name__}", (ReaderQueryMixin, type(backend)), {}
    )
    return backend
