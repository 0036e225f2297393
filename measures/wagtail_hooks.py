from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from measures.models import Department, DxPriority


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = _("課")
    list_display = ["name", "locale"]
    search_fields = ["name"]


class DxPriorityViewSet(SnippetViewSet):
    model = DxPriority
    icon = "list-ol"
    menu_label = _("自治体DX重点取組事項")
    list_display = ["__str__", "group"]


register_snippet(DepartmentViewSet)
register_snippet(DxPriorityViewSet)
