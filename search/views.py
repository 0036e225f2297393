"""/{lang}/search/: the results page (thin: search.service finds, this view shows)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale

from glossary.models import GlossaryIndexPage
from measures.listing import query_without_page
from measures.models import Department, Evaluation, MeasureIndexPage
from search.highlight import highlight
from search.service import SearchFilters, page_results, search_site, suggested_glossary_terms

RESULTS_PER_PAGE = 20
# What the box keeps of a pasted text; the analysis reads less still (MAX_QUERY_CHARS).
MAX_QUERY_INPUT = 500


def search(request):
    query = " ".join(request.GET.get("q", "")[:MAX_QUERY_INPUT].split())
    locale = Locale.get_active()
    filters = SearchFilters.from_params(request.GET)
    outcome = search_site(query, locale, filters) if query else None
    paginator = Paginator(outcome.page_ids if outcome else [], RESULTS_PER_PAGE)
    results_page = paginator.get_page(request.GET.get("page"))
    glossary_page = GlossaryIndexPage.objects.live().filter(locale=locale).first()
    terms = outcome.terms if outcome else []
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "outcome": outcome,
            "results_page": results_page,
            "results": page_results(list(results_page.object_list), terms),
            "glossary_hits": [
                (term, highlight(term.term, terms), highlight(term.definition, terms))
                for term in (outcome.glossary_terms if outcome else [])
            ],
            "glossary_url": glossary_page.url if glossary_page else "",
            "suggestions": suggested_glossary_terms(outcome, locale) if outcome else [],
            "measure_index": MeasureIndexPage.objects.live().filter(locale=locale).first(),
            "filters": filters,
            "department_choices": Department.objects.filter(locale=locale).order_by("pk"),
            "evaluation_choices": Evaluation.choices,
            "page_query": query_without_page(request.GET),
        },
    )
