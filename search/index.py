"""Search fields whose indexed value is the analysed form of the text (see search.analysis).

With the database backends the index stores our tokens; with Elasticsearch/OpenSearch
(`SEARCH_URL`) the engine's own Japanese analyser reads the raw text, so the value is left as is.
"""

from django.conf import settings
from django.utils.encoding import force_str
from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search import index

from search.analysis import index_text


def engine_analyses_text() -> bool:
    return bool(getattr(settings, "SEARCH_URL", ""))


def plain_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(plain_text(item) for item in value)
    return strip_tags(force_str(value))


class AnalysedSearchField(index.SearchField):
    """A SearchField indexed as our tokens.

    `text`, a function of the object, computes the value instead of the field: a measure's
    `content` field is indexed with everything else on its sheet (search.documents).
    """

    def __init__(self, field_name, *, text=None, **kwargs):
        super().__init__(field_name, **kwargs)
        self.text = text

    def get_value(self, obj):
        value = plain_text(self.text(obj) if self.text else super().get_value(obj))
        return value if engine_analyses_text() else index_text(value)


def page_search_fields(*fields):
    """Page.search_fields, the title analysed as well, then `fields`.

    Wagtail expects every page type to keep Page.search_fields; the raw title it indexes is one
    more token next to the analysed ones.
    """
    return [*Page.search_fields, AnalysedSearchField("title", boost=2), *fields]
