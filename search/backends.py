"""The search backend: the database's own full-text search (SQLite FTS5 or PostgreSQL), fed with
our analysed tokens.

Why this design: the index stays modelsearch's own IndexEntry table, filled through the models'
search_fields, so Wagtail keeps it current on publish, unpublish and delete, `update_index`
rebuilds it, and the admin's page and snippet search use it with no code of ours. What the
databases cannot do, segmenting Japanese, is done in Python on both sides: AnalysedSearchField
stores tokens (search.analysis), and this backend turns every query string into the same tokens
with synonyms before the database sees it. Both SQLite and PostgreSQL then only match
space-separated tokens, so they behave the same. Elasticsearch/OpenSearch replace all of this
when SEARCH_URL is set (search.engine).
"""

from functools import cache

from django.db import connections, transaction
from django.db.models import FloatField, Func, QuerySet, TextField
from django.db.models.functions import Cast
from modelsearch.backends import database
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import And, Or, PlainText, SearchQuery
from modelsearch.utils import get_descendants_content_types_pks

from search.analysis import QueryTerm, analyse_query, relaxed_alternatives

# Words of a query searched at most; every one must match (see terms_query).
MAX_QUERY_TERMS = 10
# Of a longer query, every word must match even on the second try (the Or would be too large).
MAX_DROPPABLE_TERMS = 6


def term_query(term: QueryTerm, alternatives=None) -> SearchQuery:
    options = [
        PlainText(" ".join(sorted(tokens)), operator="and")
        for tokens in (alternatives if alternatives is not None else term.alternatives)
    ]
    return options[0] if len(options) == 1 else Or(options)


def terms_query(terms: list[QueryTerm]) -> SearchQuery | None:
    # A word typed twice asks nothing more; each repeat would make the database match again.
    unique = {tuple(tuple(sorted(tokens)) for tokens in term.alternatives): term for term in terms}
    # A pasted paragraph is not a question: its first words are searched, as a person reads it.
    kept = list(unique.values())[:MAX_QUERY_TERMS]
    return _all_of([term_query(term) for term in kept]) if terms else None


def _all_of(queries):
    return queries[0] if len(queries) == 1 else And(queries)


class NoMatches(EmptySearchResults):
    """No results, for a query with nothing searchable in it (only signs, quotes, NUL); the
    model is kept, as the admin's listings read it from their results."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def _clone(self):
        return self.__class__(self.model)


def _model_of(model_or_queryset):
    if isinstance(model_or_queryset, QuerySet):
        return model_or_queryset.model
    return model_or_queryset


class RankedIdsMixin:
    """What search.service asks of any backend: a query for the analysed terms, ranked ids."""

    def query_for(self, terms: list[QueryTerm], query: str) -> SearchQuery:
        # An engine (search.engine) analyses the text itself.
        return PlainText(query, operator="and")

    def relaxed_query_for(self, terms: list[QueryTerm], query: str) -> SearchQuery | None:
        """A second try when nothing is found: here, any of several words."""
        return PlainText(query, operator="or") if len(terms) > 1 else None

    def ranked_ids(self, query: SearchQuery, queryset, limit: int) -> tuple[list[int], int]:
        """The best `limit` matches' primary keys, best first, and how many match in all."""
        results = self.search(query, queryset)
        return [obj.pk for obj in results[:limit]], results.count()


class AnalysedQueryMixin(RankedIdsMixin):
    """Analyses query strings (and applies the synonyms) before the database backend runs them."""

    def query_for(self, terms: list[QueryTerm], query: str) -> SearchQuery:
        return terms_query(terms)

    def relaxed_query_for(self, terms: list[QueryTerm], query: str) -> SearchQuery | None:
        """Forgive one wrong character in each word, and, of several words, any one of them."""
        relaxed_terms = [relaxed_alternatives(term) for term in terms]
        widened = [
            term_query(term, term.alternatives + relaxed)
            for term, relaxed in zip(terms, relaxed_terms, strict=True)
        ]
        if len(widened) == 1:
            return widened[0] if relaxed_terms[0] else None
        if len(widened) > MAX_DROPPABLE_TERMS:
            return _all_of(widened)
        return Or([_all_of(widened[:left] + widened[left + 1 :]) for left in range(len(widened))])

    def analysed(self, query):
        # The admin's page search hands over its words already parsed into a PlainText.
        if isinstance(query, PlainText) and query.operator == "and":
            query = query.query_string
        if not isinstance(query, str):
            return query
        from search.synonyms import synonym_map

        built = terms_query(analyse_query(query, synonym_map()))
        # Nothing searchable in the string (only signs): nothing is found, rather than everything.
        return built if built is not None else ""

    def search(self, query, model_or_queryset, fields=None, **kwargs):
        # `fields` (the admin's listings pass their search_fields) would search the raw model
        # fields or FTS columns that do not exist; our tokens are in the title and body.
        analysed = self.analysed(query)
        if query and analysed == "":
            return NoMatches(_model_of(model_or_queryset))
        return super().search(analysed, model_or_queryset, **kwargs)

    def autocomplete(self, query, model_or_queryset, fields=None, **kwargs):
        # The analysed tokens already match parts of words: a prefix search adds nothing.
        return self.search(query, model_or_queryset, **kwargs)


class OneTransactionIndexingMixin:
    """Writes a bulk of index entries in one transaction.

    modelsearch updates each entry already in the index with an UPDATE of its own; outside a
    transaction every one is a commit, a disk sync on SQLite: rebuilding the plan's index spent
    nearly all its time waiting for the disk.
    """

    def add_bulk(self, model, obj_list):
        with transaction.atomic():
            return super().add_bulk(model, obj_list)


class TitleWeightedBM25(Func):
    """SQLite FTS5's bm25() with a title match worth ten body matches.

    The columns of modelsearch's FTS table are (autocomplete, body, title).
    """

    output_field = FloatField()

    def __init__(self, table):
        super().__init__()
        self.table = table

    def as_sql(self, compiler, connection, **extra_context):
        return f"bm25({self.table}, 0.0, 1.0, 10.0)", []


class SQLiteRankingMixin:
    """Ranks in one pass over the FTS matches, and counts them in the same pass.

    modelsearch's SQLite backend scores each result with a correlated subquery that runs the
    MATCH again per row: fine for a few hits, far too slow for our many-bigram queries over
    thousands of pages. Here the matches are scored once (a materialised set), then narrowed to
    the allowed objects, ranked and counted: left to itself SQLite would rather probe the MATCH
    once per allowed object (a small set such as the glossary), each probe reading every token's
    whole list, which grows with the site; and a count of its own would run the MATCH again.
    """

    def ranked_ids(self, query: SearchQuery, queryset, limit: int) -> tuple[list[int], int]:
        from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
        from modelsearch.backends.database.sqlite.sqlite import IndexEntry, SQLiteFTSIndexEntry

        compiler = self.query_compiler_class(queryset, query)
        match = MatchExpression(
            compiler.FTS_TABLE_FIELDS, compiler.build_search_query(normalize(query))
        )
        matches = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .annotate(score=TitleWeightedBM25(SQLiteFTSIndexEntry._meta.db_table))
            .values_list("pk", "score")
        )
        allowed = queryset.order_by().annotate(_object_id=Cast("pk", TextField()))
        entries = IndexEntry.objects.filter(
            content_type__in=get_descendants_content_types_pks(queryset.model),
            object_id__in=allowed.values("_object_id"),
        ).values_list("pk", "object_id")
        matches_sql, matches_params = matches.query.sql_with_params()
        entries_sql, entries_params = entries.query.sql_with_params()
        # Django's own compiled queries, put together; the values stay parameters.
        sql = (
            f"WITH matches (entry_id, score) AS MATERIALIZED ({matches_sql}), "  # noqa: S608
            f"allowed (entry_id, object_id) AS ({entries_sql}) "
            "SELECT allowed.object_id, COUNT(*) OVER () FROM matches "
            "JOIN allowed ON allowed.entry_id = matches.entry_id "
            "ORDER BY matches.score LIMIT %s"
        )
        with connections[matches.db].cursor() as cursor:
            cursor.execute(sql, [*matches_params, *entries_params, limit])
            rows = cursor.fetchall()
        return [int(object_id) for object_id, _total in rows], rows[0][1] if rows else 0


@cache
def _analysing_class(base_class):
    mixins = (OneTransactionIndexingMixin, AnalysedQueryMixin)
    # By module, not issubclass: importing the SQLite backend elsewhere looks up its FTS model,
    # which only exists on SQLite.
    if base_class.__module__ == "modelsearch.backends.database.sqlite.sqlite":
        mixins = (SQLiteRankingMixin, *mixins)
    return type(f"Analysed{base_class.__name__}", (*mixins, base_class), {})


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    vendor_backend = database.SearchBackend(params)
    return _analysing_class(type(vendor_backend))(params)
