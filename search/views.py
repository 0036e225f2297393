"""Site search over the measures and the glossary, in the visitor's language."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from glossary.models import GlossaryTerm

RESULTS_PER_PAGE = 20


def search(request):
    query = request.GET.get("q", "").strip()
    locale = Locale.get_active()
    page_results = []
    term_results = []
    if query:
        page_results = (
            Page.objects.live()
            .filter(locale=locale)
            .search(query, operator="and")
            .annotate_score("_score")
        )
        term_results = list(
            get_search_backend().search(
                query, GlossaryTerm.objects.filter(locale=locale, live=True), operator="and"
            )[:20]
        )
    paginator = Paginator(page_results, RESULTS_PER_PAGE)
    results = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": results,
            "term_results": term_results,
            "language": get_language(),
        },
    )
