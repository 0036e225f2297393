from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button

from editorial.workflow import user_can_publish
from translations import guards, views
from translations.review import can_submit, source_changed_since_sync


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "translations/<int:page_id>/submit/",
            views.submit_translation,
            name="translations_submit_for_review",
        )
    ]


@hooks.register("register_page_listing_more_buttons")
def submit_translation_button(page, user, next_url=None):
    if can_submit(page, user):
        yield Button(
            gettext_lazy("翻訳を審査に送る"),
            reverse("translations_submit_for_review", args=[page.pk]),
            icon_name="resubmit",
            priority=25,
        )


# Runs before wagtail-localize's hook, which replaces the editor of a translated page.
@hooks.register("before_edit_page", order=-1)
def warn_when_source_changed(request, page):
    if request.method == "GET" and source_changed_since_sync(page):
        messages.warning(
            request,
            _(
                "日本語の元のページが、この翻訳の同期後に更新されています。翻訳が古くなって"
                "います。元のページのメニューの「Sync translated pages」で更新してください。"
            ),
        )


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias(menu_items, request, context):
    """Converting a translation back to an alias is publishing: offered only to publishers."""
    page = context.get("page")
    if page is not None and page.pk and not user_can_publish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != guards.CONVERT_MENU_ITEM]
