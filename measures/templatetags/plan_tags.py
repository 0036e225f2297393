"""Template helpers for the public pages: site links per language, text, fiscal years."""

from django import template
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from accessibility.furigana import ruby_html
from accessibility.preferences import furigana_enabled
from glossary.linking import link_terms
from measures.fiscal_years import fiscal_year_label
from measures.progress_overview import TREND_STEP, evaluation_trend
from measures.sdgs import sdgs_of
from measures.text import split_paragraphs
from translations import switcher
from translations.fallbacks import FallbackDetector

register = template.Library()

# Where a page without its own search description finds one, in order of preference.
DESCRIPTION_FIELDS = ("search_description", "plain_summary", "situation", "basic_policy", "intro")
DESCRIPTION_LENGTH = 120

SECTION_SLUGS = {"measures", "glossary", "open-data", "accessibility"}


def _section_urls(request):
    """Home and section URLs in the visitor's language, worked out once per request.

    A section not (yet) published in that language links to the Japanese one; "results" is the
    accessibility policy's 試験結果 page.
    """
    if not hasattr(request, "_plan_section_urls"):
        site = Site.find_for_request(request)
        urls = {}
        if site is not None:
            source = site.root_page.specific
            home = site.root_page.localized.specific
            urls["home"] = home.get_url(request)
            for root in (home, source):
                for child in root.get_children().live().filter(slug__in=SECTION_SLUGS):
                    urls.setdefault(child.slug, child.get_url(request))
                    if child.slug == "accessibility":
                        for report in child.get_children().live():
                            urls.setdefault("results", report.get_url(request))
        request._plan_section_urls = urls
    return request._plan_section_urls


@register.simple_tag(takes_context=True)
def localized_url(context, section):
    """The URL of the home page or of one of its sections, in the visitor's language."""
    urls = _section_urls(context["request"])
    return urls.get(section) or urls.get("home") or "/"


@register.simple_tag(takes_context=True)
def section_url(context, section):
    """The URL of a section in the visitor's language (or Japanese), or "" if there is none."""
    return _section_urls(context["request"]).get(section, "")


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

    Japanese text gets ふりがな when the reader turned them on, or always with furigana=True.
    Untranslated Japanese on a page in another language is marked lang="ja".
    """
    wants_ruby = furigana_enabled(context.get("request")) if furigana is None else furigana
    render_text = ruby_html if wants_ruby and get_language() == "ja" else conditional_escape
    paragraphs = link_terms(split_paragraphs(text), terms or [], glossary_url, render_text)
    if FallbackDetector.for_request(context.get("request")).is_fallback(text):
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
