"""{% font_faces %}: the self-hosted font of a page, in the head of the base layout."""

from django import template
from django.core.files.storage import default_storage
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from fonts.building import current_manifest, first_view_preload, page_fonts

register = template.Library()


@register.simple_tag(takes_context=True)
def font_faces(context):
    """The font stylesheet, the page's own subset, and a preload of what a first view uses."""
    manifest = current_manifest()
    if manifest is None:
        return ""
    page_preload, page_rules = page_fonts(manifest, context.get("page"))
    # The core of the page's language; passages in other languages fetch theirs when drawn.
    first_view = [*first_view_preload(manifest, get_language()), *page_preload]
    preloads = format_html_join(
        "\n  ",
        '<link rel="preload" href="{}" as="font" type="font/woff2" crossorigin>',
        ((default_storage.url(name),) for name in first_view),
    )
    stylesheet = default_storage.url(manifest["stylesheet"])
    page_style = (
        format_html(
            '\n  <style id="page-fonts"{}>{}</style>',
            _nonce_attribute(context),
            mark_safe(page_rules),  # noqa: S308 -- @font-face rules built by fonts.building, no user text
        )
        if page_rules
        else ""
    )
    return format_html(
        '{}\n  <link rel="stylesheet" href="{}">{}', preloads, stylesheet, page_style
    )


def _nonce_attribute(context):
    """The Content-Security-Policy nonce of the request (django-csp), which lets the page's own
    @font-face rules stay inline: they differ from page to page."""
    nonce = getattr(context.get("request"), "csp_nonce", None)
    # A lazy object that is false until read: reading it is what puts the nonce in the header.
    return "" if nonce is None else format_html(' nonce="{}"', str(nonce))
