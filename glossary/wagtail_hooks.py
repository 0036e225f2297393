from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from glossary.models import GlossaryTerm
from measures.admin_views import FieldHistoryViewSetMixin


class GlossaryTermViewSet(FieldHistoryViewSetMixin, SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("用語集")
    list_display = ["term", "section", "locale"]
    list_filter = ["section", "locale"]
    # No search_fields here: the listing searches the model's own index (term and definition).
    # Naming fields makes Wagtail's SQLite backend query FTS columns that do not exist (500).


register_snippet(GlossaryTermViewSet)
