from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.viewsets import FieldHistoryViewSetMixin
from glossary.models import GlossaryTerm


class GlossaryTermViewSet(FieldHistoryViewSetMixin, SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("用語集")
    list_display = ["term", "section", "locale"]
    list_filter = ["section", "locale"]
    # Searched in the analysed index (search.backends), as the site search is: folded kana and
    # width, bigrams that find a word inside a compound, synonyms.


register_snippet(GlossaryTermViewSet)
