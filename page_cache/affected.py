"""What a change touches: every public URL whose answer shows the changed thing.

URLs are paths (/ja/measures/6/). A measure shows on its page in every language it exists in
(the language switcher links the others), the list, the home page's summary tables, the
open-data page and files, the embeds and search results of every language: the translated
pages fall back to or link the Japanese measure. When in doubt a URL is included: a purge too
many costs one render, a purge too few shows a reader the old text.
"""

from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

from glossary.models import GlossaryIndexPage, GlossaryTerm
from home.models import HomePage, OpenDataPage
from measures.models import MainInitiative, MeasureDepartment, MeasureIndexPage, MeasurePage

# The views under each language prefix that summarise the measures (cms/urls.py).
SUMMARY_VIEWS = ("plan_json", "plan_csv", "plan_csv_sjis", "plan_schema", "embed_progress")
# Home and its sections (the list, the glossary…) are linked from every page: their URLs and
# the report year they carry are on all of them.
SECTION_DEPTH = 3


def page_urls(pages):
    """The pages' own URLs alone: what changes when only their HTML does (a font re-cut)."""
    return _paths(pages)


def _paths(pages):
    paths = set()
    for page in pages:
        url_parts = page.get_url_parts()
        if url_parts is not None:
            paths.add(url_parts[2])
    return paths


def _languages():
    return list(Locale.objects.values_list("language_code", flat=True))


def _localized(name, *args):
    return {_reverse(language, name, *args) for language in _languages()}


def _cards(numbers):
    """The embedded status cards of these measure numbers, in every language."""
    languages = _languages()
    return {_reverse(language, "embed_measure", n) for language in languages for n in numbers}


def _reverse(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def summaries():
    """What shows every measure: home, the list, open data (page and files), the progress
    embed and search, in every language."""
    pages = Page.objects.live().type(HomePage, MeasureIndexPage, OpenDataPage)
    views = set().union(*(_localized(name) for name in (*SUMMARY_VIEWS, "search")))
    return _paths(pages) | views


def of_measures(pages):
    """Measure pages (any language): each in every language, its embed card, and summaries()."""
    keys = {page.translation_key for page in pages}
    translations = MeasurePage.objects.live().filter(translation_key__in=keys)
    numbers = set(translations.values_list("number", flat=True))
    return _paths(translations) | _cards(numbers) | summaries()


def of_glossary_term(term):
    """A term (any language): every glossary page (translated ones show the Japanese term too),
    the measure pages linking the term in any language, search."""
    terms = GlossaryTerm.objects.filter(translation_key=term.translation_key)
    linking = MeasurePage.objects.live().filter(glossary_terms__in=terms).distinct()
    return _paths(GlossaryIndexPage.objects.live()) | _paths(linking) | _localized("search")


def of_department(department):
    """A department (any language): the measures it leads or shares, with what shows them."""
    translations = department.get_translations(inclusive=True)
    leading = MeasureDepartment.objects.filter(department__in=translations)
    sharing = MainInitiative.objects.filter(departments__in=translations)
    page_ids = {*leading.values_list("page", flat=True), *sharing.values_list("page", flat=True)}
    return of_measures(MeasurePage.objects.filter(pk__in=page_ids)) | summaries()


def of_page(page):
    """A page published or unpublished: a measure as of_measures(); home or a section,
    everything(); another page in every language, and search."""
    page = page.specific_deferred
    if isinstance(page, MeasurePage):
        return of_measures([page])
    if page.depth <= SECTION_DEPTH:
        return everything()
    translations = Page.objects.filter(translation_key=page.translation_key)
    return _paths(translations) | _localized("search")


def everything():
    """Every public URL: a reporting round closed, a page moved, the fonts built anew."""
    numbers = set(MeasurePage.objects.live().values_list("number", flat=True))
    return _paths(Page.objects.live().public()) | _cards(numbers) | summaries()


def after_slug_change(before, after):
    """everything(), and the URLs the page and those below it had before its slug changed."""
    urls = everything()
    old, new = (page.get_url_parts() for page in (before, after))
    if old is None or new is None:
        return urls
    old_path, new_path = old[2], new[2]
    return urls | {old_path + url[len(new_path) :] for url in urls if url.startswith(new_path)}
