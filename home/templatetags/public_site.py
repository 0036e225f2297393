"""Template helpers of the public layout: the self-hosted fonts and the reading aids."""

from django import template
from django.core.files.storage import default_storage
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from home import fonts, reading_aids

register = template.Library()


@register.simple_tag(takes_context=True)
def font_faces(context):
    """The font stylesheet, the page's own subset, and a preload of what a first view uses."""
    manifest = fonts.current_manifest()
    if manifest is None:
        return ""
    in_font_language = get_language() in fonts.FONT_LANGUAGES
    page_preload, page_rules = fonts.page_fonts(manifest, context.get("page"))
    # Korean, Chinese and Vietnamese pages fetch the font only for passages still in Japanese.
    first_view = [*manifest["preload"], *page_preload]
    preloads = format_html_join(
        "\n  ",
        '<link rel="preload" href="{}" as="font" type="font/woff2" crossorigin>',
        ((default_storage.url(name),) for name in first_view if in_font_language),
    )
    stylesheet = default_storage.url(manifest["stylesheet"])
    page_style = (
        format_html(
            '\n  <style id="page-fonts">{}</style>',
            mark_safe(page_rules),  # noqa: S308 -- @font-face rules built by home.fonts, no user text
        )
        if page_rules
        else ""
    )
    return format_html(
        '{}\n  <link rel="stylesheet" href="{}">{}', preloads, stylesheet, page_style
    )


@register.simple_tag(takes_context=True)
def reading_aid_classes(context):
    return reading_aids.html_classes(context.get("request"))


@register.simple_tag(takes_context=True)
def reading_aid_groups(context):
    """Each aid with its choices: (value, label, pressed)."""
    request = context.get("request")
    return [
        {
            "name": aid.cookie,
            "label": aid.label,
            "class_prefix": aid.class_prefix,
            "choices": [
                (value, label, value == reading_aids.chosen(request, aid))
                for value, label in aid.choices
            ],
        }
        for aid in (reading_aids.TEXT_SIZE, reading_aids.COLOR_SCHEME)
    ]


@register.simple_tag(takes_context=True)
def furigana_on(context):
    return reading_aids.chosen(context.get("request"), reading_aids.FURIGANA) == "on"
