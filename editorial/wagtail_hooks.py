"""Admin hooks of the review workflow, for every page and snippet it moderates."""

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.permissions import policy_registry

from editorial import workflow
from editorial.admin_views import PageTimelineButton, page_history_urls
from editorial.viewsets import FieldHistoryViewSetMixin


@hooks.register("register_admin_urls")
def editorial_admin_urls():
    return [path("editorial/", include(page_history_urls))]


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
