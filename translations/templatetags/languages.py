"""Template tags of a multilingual page: the language switcher's links and the lang mark on
Japanese text shown where its translation is missing."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from translations import status, switcher
from translations.fallbacks import FallbackDetector
from translations.fragments import mark_japanese

register = template.Library()


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
def japanese_marked(text):
    """Plain text with the Japanese names inside a translation marked lang="ja"."""
    return mark_japanese(text, get_language())


@register.inclusion_tag("components/translation_status.html", takes_context=True)
def translation_status(context):
    """On a translated page: who translated it, whether the city reviewed it, the original."""
    return {
        "status": status.translation_status(context.get("page")),
        "request": context.get("request"),
    }
