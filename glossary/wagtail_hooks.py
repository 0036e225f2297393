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
    search_fields = ["term", "definition"]
    # Matched in the database as substrings: the full-text index has no per-field columns for
    # snippets (a field-restricted query fails), and a substring finds Japanese words inside
    # compounds, which the index cannot.
    search_backend_name = None


register_snippet(GlossaryTermViewSet)
