"""Template helpers for the public pages: site links per language, text, fiscal years."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Site

from accessibility.furigana import ruby_html
from accessibility.preferences import furigana_enabled
from glossary.linking import link_terms
from measures.fiscal_years import fiscal_year_label
from measures.text import split_paragraphs
from translations import switcher
from translations.fallbacks import FallbackDetector

register = template.Library()

SECTION_SLUGS = {"measures", "glossary", "open-data"}


def _section_urls(request):
    """Home and section URLs in the visitor's language, worked out once per request."""
    if not hasattr(request, "_plan_section_urls"):
        site = Site.find_for_request(request)
        home = site.root_page.localized.specific if site else None
        urls = {}
        if home is not None:
            urls["home"] = home.get_url(request)
            for child in home.get_children().live().filter(slug__in=SECTION_SLUGS):
                urls[child.slug] = child.get_url(request)
        request._plan_section_urls = urls
    return request._plan_section_urls


@register.simple_tag(takes_context=True)
def localized_url(context, section):
    """The URL of the home page or of one of its sections, in the visitor's language."""
    urls = _section_urls(context["request"])
    return urls.get(section) or urls.get("home") or "/"


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in every language it is published in (see translations.switcher)."""
    return switcher.language_links(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def fallback_lang(context, text):
    """` lang="ja"` when text is untranslated Japanese on a page in another language."""
    detector = FallbackDetector.for_request(context.get("request"))
    return mark_safe(' lang="ja"') if detector.is_fallback(text) else ""


@register.filter
def fiscal_year(value):
    return fiscal_year_label(int(value))


@register.inclusion_tag("components/text.html", takes_context=True)
def text_block(context, text, terms=None, glossary_url="", furigana=None):
    """Paragraphs of plain text; with terms, the first mention of each links to the glossary.

    Japanese text gets ふりがな when the reader turned them on, or always with furigana=True.
    Untranslated Japanese on a page in another language is marked lang="ja".
    """
    wants_ruby = furigana_enabled(context.get("request")) if furigana is None else furigana
    render_text = ruby_html if wants_ruby and get_language() == "ja" else conditional_escape
    paragraphs = link_terms(split_paragraphs(text), terms or [], glossary_url, render_text)
    if FallbackDetector.for_request(context.get("request")).is_fallback(text):
        paragraphs = [format_html('<span lang="ja">{}</span>', p) for p in paragraphs]
    return {"paragraphs": paragraphs}
