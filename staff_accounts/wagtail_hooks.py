"""Staff accounts in the admin: the two-factor steps, the account menu's entry and the audit log."""

from django.contrib.auth import get_user_model
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from staff_accounts import two_factor, views
from staff_accounts.models import AuditEvent


@hooks.register("register_admin_urls")
def two_factor_admin_urls():
    return [
        path("two-factor/", views.setup, name="staff_two_factor_setup"),
        path("two-factor/verify/", views.verify, name="staff_two_factor_verify"),
        path(
            "two-factor/recovery-codes/",
            views.recovery_codes,
            name="staff_two_factor_recovery_codes",
        ),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("staff_two_factor_setup"),
        "label": _("二段階認証"),
        "help_text": _("認証アプリによる二段階認証を設定します。"),
    }


class PostponedTwoFactorPanel(Component):
    """On the dashboard of a reviewer or administrator who has put off enrolling (dev only)."""

    name = "two_factor_postponed"
    template_name = "staff_accounts/postponed_panel.html"
    order = 10

    def get_context_data(self, parent_context):
        return {"setup_url": reverse("staff_two_factor_setup")}


@hooks.register("construct_homepage_panels")
def postponed_two_factor_notice(request, panels):
    user = request.user
    if two_factor.is_required_for(user) and not two_factor.is_enrolled(user):
        panels.insert(0, PostponedTwoFactorPanel())


class SuperusersReadOnly(BasePermissionPolicy):
    """The audit log is read by administrators and written only by staff_accounts.audit."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


register_permission_policy(AuditEvent, SuperusersReadOnly(AuditEvent))


class AuditEventViewSet(ModelViewSet):
    model = AuditEvent
    icon = "history"
    menu_label = _("アカウントの監査記録")
    add_to_settings_menu = True
    menu_order = 900
    copy_view_enabled = False
    # Never edited (the permission policy refuses add, change, delete); Wagtail wants a form.
    form_fields = ["detail"]
    inspect_view_enabled = True
    list_display = ["occurred_at", "kind", "username", "actor", "ip_address", "detail"]
    list_filter = ["kind", "occurred_at", "username"]
    search_fields = ["username", "detail"]
    search_backend_name = None
    inspect_view_fields = ["occurred_at", "kind", "username", "actor", "ip_address", "detail"]


@hooks.register("register_admin_viewset")
def audit_event_viewset():
    return AuditEventViewSet("staff_audit")
