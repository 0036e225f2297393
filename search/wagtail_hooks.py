from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("検索の同義語")
    list_display = ["__str__", "one_way"]
    search_fields = ["terms"]


register_snippet(SynonymGroupViewSet)
