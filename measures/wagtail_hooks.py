from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.viewsets import FieldHistoryViewSetMixin
from measures.models import Department, DepartmentMembership, DxPriority


class DepartmentViewSet(FieldHistoryViewSetMixin, SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = _("課")
    list_display = ["name", "locale"]
    search_fields = ["name"]


class DxPriorityViewSet(FieldHistoryViewSetMixin, SnippetViewSet):
    model = DxPriority
    icon = "list-ol"
    menu_label = _("自治体DX重点取組事項")
    list_display = ["__str__", "group"]


class DepartmentMembershipViewSet(FieldHistoryViewSetMixin, SnippetViewSet):
    """Who works in which department: decides which measures an editor may change."""

    model = DepartmentMembership
    icon = "user"
    menu_label = _("所属")
    list_display = ["user", "department"]
    list_filter = ["department"]


register_snippet(DepartmentViewSet)
register_snippet(DxPriorityViewSet)
register_snippet(DepartmentMembershipViewSet)
