"""Links to the home page and its sections (施策一覧, 用語集, オープンデータ, アクセシビリティ)
in the visitor's language, for the site's header, footer and error pages."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Site

from page_cache.tree import memoised

register = template.Library()

SECTION_SLUGS = {"measures", "glossary", "open-data", "accessibility"}


def _section_urls(request):
    """Home and section URLs in the visitor's language, worked out once per state of the page
    tree (page_cache.tree) and kept on the request.

    A section not (yet) published in that language links to the Japanese one; "results" is the
    accessibility policy's 試験結果 page.
    """
    if not hasattr(request, "_plan_section_urls"):
        site = Site.find_for_request(request)
        request._plan_section_urls = (
            memoised(f"sections:{site.pk}:{get_language()}", lambda: _find_sections(site, request))
            if site is not None
            else {}
        )
    return request._plan_section_urls


def _find_sections(site, request):
    source = site.root_page.specific
    home = site.root_page.localized.specific
    urls = {"home": home.get_url(request)}
    for root in (home, source):
        for child in root.get_children().live().filter(slug__in=SECTION_SLUGS):
            urls.setdefault(child.slug, child.get_url(request))
            if child.slug == "accessibility":
                for report in child.get_children().live():
                    urls.setdefault("results", report.get_url(request))
    return urls


@register.simple_tag(takes_context=True)
def localized_url(context, section):
    """The URL of the home page or of one of its sections, in the visitor's language."""
    urls = _section_urls(context["request"])
    return urls.get(section) or urls.get("home") or "/"


@register.simple_tag(takes_context=True)
def section_url(context, section):
    """The URL of a section in the visitor's language (or Japanese), or "" if there is none."""
    return _section_urls(context["request"]).get(section, "")
