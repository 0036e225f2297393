"""Public site search: what `/{lang}/search/?q=` finds, in which order, with which snippets.

The database does the matching (search.backends); here the query is analysed once, the
published public pages of the visitor's language are searched, a query that finds nothing is
tried again with one character of a word forgiven, and the hits are ordered with title matches
first. A Japanese word typed on another language's site also searches the Japanese pages and
shows their translations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from modelsearch.query import PlainText
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from accessibility.models import AccessibilityPolicyPage, AccessibilityReportPage
from glossary.models import GlossaryTerm
from home.models import HomePage
from measures.models import Evaluation, MeasurePage, ProgressReport
from search.analysis import QueryTerm, analyse_query, index_tokens
from search.analysis import term_matches as _term_matches
from search.documents import MEASURE_PARTS, home_body, measure_body
from search.highlight import highlight, snippet
from search.index import plain_text
from search.synonyms import synonym_map

# Hits beyond these are not ranked or paged through: nobody reads the 500th result.
MAX_PAGE_HITS = 500
MAX_GLOSSARY_HITS = 10
SEARCHED_PAGE_TYPES = (MeasurePage, HomePage, AccessibilityPolicyPage, AccessibilityReportPage)
SOURCE_LANGUAGE = "ja"


@dataclass(frozen=True)
class SearchFilters:
    """The measure filters of the results page; a value that is not a choice is no filter."""

    goal: int | None = None
    department: int | None = None
    evaluation: str | None = None
    dx: bool = False

    @classmethod
    def from_params(cls, params) -> SearchFilters:
        return cls(
            goal=_choice(params.get("goal"), range(1, 5)),
            department=_positive_int(params.get("department")),
            evaluation=params.get("evaluation")
            if params.get("evaluation") in Evaluation.values
            else None,
            dx=params.get("dx") == "1",
        )

    @property
    def active(self) -> bool:
        return bool(self.goal or self.department or self.evaluation or self.dx)

    def apply(self, measures):
        if self.goal:
            measures = measures.filter(goal=self.goal)
        if self.dx:
            measures = measures.filter(dx=True)
        if self.department:
            measures = measures.filter(department_links__department_id=self.department)
        if self.evaluation:
            measures = measures.filter(progress_reports__evaluation=self.evaluation)
        return measures


def _positive_int(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


def _choice(value, choices) -> int | None:
    number = _positive_int(value)
    return number if number in choices else None


@dataclass
class SearchOutcome:
    query: str
    terms: list[QueryTerm] = field(default_factory=list)
    page_ids: list[int] = field(default_factory=list)
    total: int = 0
    glossary_terms: list = field(default_factory=list)
    relaxed: bool = False  # found only with one character of a word forgiven

    @property
    def synonyms(self) -> list[str]:
        return [synonym for term in self.terms for synonym in term.synonyms]


def search_site(query: str, locale: Locale, filters: SearchFilters | None = None) -> SearchOutcome:
    filters = filters or SearchFilters()
    outcome = SearchOutcome(query=query, terms=analyse_query(query, synonym_map()))
    if not outcome.terms:
        return outcome
    backend = get_search_backend()
    expression = backend.query_for(outcome.terms, query)
    outcome.page_ids, outcome.total = _search_pages(expression, outcome.terms, locale, filters)
    outcome.glossary_terms = _search_glossary(expression, outcome.terms, locale)
    if not outcome.page_ids and not outcome.glossary_terms:
        relaxed = backend.relaxed_query_for(outcome.terms, query)
        if relaxed is not None:
            outcome.page_ids, outcome.total = _search_pages(relaxed, outcome.terms, locale, filters)
            outcome.glossary_terms = _search_glossary(relaxed, outcome.terms, locale)
            outcome.relaxed = bool(outcome.page_ids or outcome.glossary_terms)
    return outcome


def searchable_pages(locale: Locale, filters: SearchFilters):
    if filters.active:
        pages = filters.apply(MeasurePage.objects.all())
        return Page.objects.live().public().filter(locale=locale, pk__in=pages.values("pk"))
    return Page.objects.live().public().filter(locale=locale).type(*SEARCHED_PAGE_TYPES)


def _search_pages(expression, terms, locale, filters) -> tuple[list[int], int]:
    backend = get_search_backend()
    ids, total = backend.ranked_ids(expression, searchable_pages(locale, filters), MAX_PAGE_HITS)
    hits = _page_hits(Page.objects.filter(pk__in=ids), ids)
    if locale.language_code != SOURCE_LANGUAGE and _has_japanese(terms):
        hits = _with_translated_japanese_hits(backend, expression, hits, locale, filters)
        total = max(total, len(hits))
    # Title matches first; the database's relevance order is kept within each group.
    hits.sort(key=lambda page: not _title_matches(terms, page.title))
    return [page.pk for page in hits], total


def _in_order(objects_by_id: dict, ids: list[int]) -> list:
    return [objects_by_id[pk] for pk in ids if pk in objects_by_id]


@dataclass(frozen=True)
class PageHit:
    """What ordering the hits reads of a page: hundreds of them per search, so no Page objects."""

    pk: int
    title: str
    translation_key: object


def _page_hits(pages, ids=None) -> list[PageHit]:
    """The pages as hits, in the order of ids (or the queryset's)."""
    hits = [PageHit(*row) for row in pages.values_list("pk", "title", "translation_key")]
    return hits if ids is None else _in_order({hit.pk: hit for hit in hits}, ids)


def _has_japanese(terms) -> bool:
    return any("\u3041" <= char <= "\u9fff" for term in terms for char in term.text)


def _with_translated_japanese_hits(backend, expression, hits, locale, filters):
    source = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
    if source is None:
        return hits
    source_ids, _total = backend.ranked_ids(
        expression, searchable_pages(source, filters), MAX_PAGE_HITS
    )
    source_hits = _page_hits(Page.objects.filter(pk__in=source_ids), source_ids)
    translations = (
        Page.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=[page.translation_key for page in source_hits])
    )
    by_key = {page.translation_key: page for page in _page_hits(translations)}
    found = {page.pk for page in hits}
    extra = [by_key[page.translation_key] for page in source_hits if page.translation_key in by_key]
    return hits + [page for page in extra if page.pk not in found]


@lru_cache(maxsize=20_000)
def _title_tokens(title: str) -> frozenset[str]:
    return frozenset(index_tokens(title))


def _title_matches(terms, title: str) -> bool:
    tokens = _title_tokens(title)
    return all(_term_matches(term, tokens) for term in terms)


def _search_glossary(expression, terms, locale) -> list:
    candidates = GlossaryTerm.objects.filter(locale=locale, live=True)
    ids, _total = get_search_backend().ranked_ids(expression, candidates, MAX_GLOSSARY_HITS * 3)
    hits = _in_order(GlossaryTerm.objects.in_bulk(ids), ids)
    hits.sort(key=lambda term: not _title_matches(terms, term.term))
    return hits[:MAX_GLOSSARY_HITS]


def suggested_glossary_terms(outcome: SearchOutcome, locale: Locale, limit: int = 5) -> list:
    """For a search that found nothing: glossary terms sharing any token with the query."""
    if outcome.page_ids or outcome.glossary_terms or not outcome.terms:
        return []
    tokens = sorted({token for term in outcome.terms for alt in term.alternatives for token in alt})
    candidates = GlossaryTerm.objects.filter(locale=locale, live=True)
    ids, _total = get_search_backend().ranked_ids(
        PlainText(" ".join(tokens), operator="or"), candidates, limit
    )
    return _in_order(GlossaryTerm.objects.in_bulk(ids), ids)


@dataclass
class PageResult:
    """One page hit as the results page shows it."""

    page: Page
    title: str
    snippet: str
    measure: MeasurePage | None = None
    latest_report: ProgressReport | None = None
    departments: list = field(default_factory=list)


def page_results(page_ids: list[int], terms: list[QueryTerm]) -> list[PageResult]:
    """The hits of one results page, with what their result shows (in the order of page_ids)."""
    measures = {
        measure.pk: measure
        for measure in MeasurePage.objects.filter(pk__in=page_ids).prefetch_related(*MEASURE_PARTS)
    }
    others = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    results = []
    for page_id in page_ids:
        page = measures.get(page_id) or others.get(page_id)
        if page is None:
            continue
        results.append(_page_result(page, terms))
    return results


def _page_result(page, terms) -> PageResult:
    result = PageResult(page=page, title=highlight(page.title, terms), snippet="")
    if isinstance(page, MeasurePage):
        result.measure = page
        result.latest_report = page.latest_report()
        result.departments = page.departments
        result.snippet = snippet(measure_body(page), terms)
    elif isinstance(page, HomePage):
        result.snippet = snippet(home_body(page), terms)
    elif isinstance(page, AccessibilityPolicyPage):
        result.snippet = snippet([plain_text(page.body)], terms)
    return result
