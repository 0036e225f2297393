"""{% font_faces %}: the self-hosted font of a page, in the head of the base layout."""

from django import template
from django.core.files.storage import default_storage
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language

from fonts.building import current_manifest, first_view_preload, page_fonts

register = template.Library()


@register.simple_tag(takes_context=True)
def font_faces(context):
    """The font stylesheet, the page's own subset's, and a preload of what a first view uses.

    Nothing here differs per request (no CSP nonce), so the page's HTML can be cached."""
    manifest = current_manifest()
    if manifest is None:
        return ""
    page_preload, page_stylesheet = page_fonts(manifest, context.get("page"))
    # The core of the page's language; passages in other languages fetch theirs when drawn.
    first_view = [*first_view_preload(manifest, get_language()), *page_preload]
    preloads = format_html_join(
        "\n  ",
        '<link rel="preload" href="{}" as="font" type="font/woff2" crossorigin>',
        ((default_storage.url(name),) for name in first_view),
    )
    stylesheet = default_storage.url(manifest["stylesheet"])
    page_link = (
        format_html(
            '\n  <link rel="stylesheet" id="page-fonts" href="{}">',
            default_storage.url(page_stylesheet),
        )
        if page_stylesheet
        else ""
    )
    return format_html('{}\n  <link rel="stylesheet" href="{}">{}', preloads, stylesheet, page_link)
