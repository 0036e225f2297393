"""Template helpers for the public pages: site links per language, text, fiscal years."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape
from django.utils.translation import get_language
from wagtail.models import Site

from accessibility.furigana import ruby_html
from accessibility.preferences import furigana_enabled
from glossary.linking import link_terms
from measures.fiscal_years import fiscal_year_label
from measures.text import split_paragraphs

register = template.Library()

SECTION_SLUGS = {"measures", "glossary", "open-data"}


def _home_page(request):
    site = Site.find_for_request(request)
    return site.root_page.localized.specific if site else None


@register.simple_tag(takes_context=True)
def localized_url(context, section):
    """The URL of the home page or of one of its sections, in the visitor's language."""
    request = context["request"]
    home = _home_page(request)
    if home is None:
        return "/"
    if section not in SECTION_SLUGS:
        return home.get_url(request)
    child = home.get_children().live().filter(slug=section).first()
    return child.get_url(request) if child else home.get_url(request)


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context["request"]
    current = get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": request.build_absolute_uri(translate_url(request.path, code)),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


@register.filter
def fiscal_year(value):
    return fiscal_year_label(int(value))


@register.inclusion_tag("components/text.html", takes_context=True)
def text_block(context, text, terms=None, glossary_url="", furigana=None):
    """Paragraphs of plain text; with terms, the first mention of each links to the glossary.

    Japanese text gets ふりがな when the reader turned them on, or always with furigana=True.
    """
    wants_ruby = furigana_enabled(context.get("request")) if furigana is None else furigana
    render_text = ruby_html if wants_ruby and get_language() == "ja" else conditional_escape
    paragraphs = link_terms(split_paragraphs(text), terms or [], glossary_url, render_text)
    return {"paragraphs": paragraphs}
