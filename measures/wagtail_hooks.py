from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from measures import workflow
from measures.admin_views import FieldHistoryViewSetMixin, PageTimelineButton, page_history_urls
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


@hooks.register("register_admin_urls")
def measures_admin_urls():
    return [path("measures/", include(page_history_urls))]


@hooks.register("register_page_header_buttons")
def page_timeline_header_button(page, user, view_name, next_url=None):
    yield PageTimelineButton(page=page, priority=30)


@hooks.register("register_page_listing_more_buttons")
def page_timeline_listing_button(page, user, next_url=None):
    yield PageTimelineButton(page=page, priority=45)


@hooks.register("register_snippet_listing_buttons")
def field_history_listing_button(snippet, user, next_url=None):
    viewset = getattr(type(snippet), "snippet_viewset", None)
    if isinstance(
        viewset, FieldHistoryViewSetMixin
    ) and viewset.permission_policy.user_has_permission(user, "change"):
        yield MenuItem(
            _("項目の変更履歴"),
            viewset.field_history_url(snippet),
            icon_name="history",
            priority=60,
        )


hooks.register("before_edit_page", workflow.guard_edit)
hooks.register("before_edit_snippet", workflow.guard_edit)


@hooks.register("before_create_page")
def guard_create_page(request, parent_page, page_class):
    return workflow.guard_create(
        request, parent_page.permissions_for_user(request.user).can_publish_subpage()
    )


@hooks.register("before_create_snippet")
def guard_create_snippet(request, model):
    policy = policy_registry.get_by_type(model)
    return workflow.guard_create(request, policy.user_has_permission(request.user, "publish"))


@hooks.register("insert_editor_js")
def editor_js():
    return format_html('<script src="{}"></script>', static("js/admin-editor.js"))
