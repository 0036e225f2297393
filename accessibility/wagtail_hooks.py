from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accessibility.models import ReadingEntry


class ReadingEntryViewSet(SnippetViewSet):
    model = ReadingEntry
    icon = "openquote"
    menu_label = _("読み仮名辞書")
    list_display = ["surface", "reading", "note"]
    search_fields = ["surface", "reading"]


register_snippet(ReadingEntryViewSet)
