"""Template helpers for the public pages: site links per language, text, fiscal years."""

from functools import partial

from django import template
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accessibility.furigana import ruby_html
from accessibility.reading_aids import furigana_enabled
from glossary.linking import link_terms
from measures.fiscal_years import fiscal_year_label
from measures.progress_overview import TREND_STEP, evaluation_trend
from measures.sdgs import sdgs_of
from measures.text import split_paragraphs
from translations.fallbacks import FallbackDetector
from translations.fragments import mark_japanese

register = template.Library()

# Where a page without its own search description finds one, in order of preference.
DESCRIPTION_FIELDS = ("search_description", "plain_summary", "situation", "basic_policy", "intro")
DESCRIPTION_LENGTH = 120


@register.filter
def fiscal_year(value):
    return fiscal_year_label(int(value))


@register.filter(name="evaluation_trend")
def evaluation_trend_filter(measure):
    return evaluation_trend(measure)


@register.filter
def paragraphs(text):
    """Plain text's paragraphs (separated by blank lines)."""
    return split_paragraphs(text or "")


@register.filter
def sdgs(numbers):
    """A measure's SDG numbers as goals with their names in the reader's language."""
    return sdgs_of(numbers or [])


@register.filter
def trend_width(points):
    """Width of a trend graphic of that many squares."""
    return points * TREND_STEP


@register.inclusion_tag("components/text.html", takes_context=True)
def text_block(context, text, terms=None, glossary_url="", furigana=None):
    """Paragraphs of plain text; with terms, the first mention of each links to the glossary.

    Japanese text gets ふりがな when the reader turned them on, or always with furigana=True,
    also where it stands in for a missing translation.
    Untranslated Japanese on a page in another language is marked lang="ja", and so are the
    Japanese names a translation keeps in brackets.
    """
    wants_ruby = furigana_enabled(context.get("request")) if furigana is None else furigana
    language = get_language()
    fallback = FallbackDetector.for_request(context.get("request")).is_fallback(text)
    if language == "ja" or fallback:
        render_text = ruby_html if wants_ruby else conditional_escape
    else:
        render_text = partial(mark_japanese, language_code=language)
    paragraphs = link_terms(split_paragraphs(text), terms or [], glossary_url, render_text)
    if fallback:
        paragraphs = [format_html('<span lang="ja">{}</span>', p) for p in paragraphs]
    return {"paragraphs": paragraphs}


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The page's search description, else the start of its own text, else the site's."""
    page = context.get("page")
    for field in DESCRIPTION_FIELDS:
        text = " ".join(strip_tags(str(getattr(page, field, "") or "")).split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return _("小山市の情報化基本計画の施策と、年度ごとの計画と進捗を公開しています。")
