"""Sends a signed-in staff member to the second step of signing in before the admin opens."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from staff_accounts import two_factor

POSTPONED_NOTICE_SESSION_KEY = "staff_accounts_postponed_notice"
# Reached without the second factor: signing in and out, resetting a password, the steps
# themselves and what their pages load (the admin's translations and its icon sprite, which
# Wagtail's script inserts into the page as it comes: a redirect there put a page in the page).
OPEN_URL_NAMES = [
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "staff_two_factor_verify",
    "staff_two_factor_setup",
    "staff_two_factor_recovery_codes",
]


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith(reverse("wagtailadmin_home"))
            and user.is_authenticated
            and not user.is_verified()
            and not self._is_open(request.path)
        ):
            answer = self._second_step(request, user)
            if answer is not None:
                return answer
        return self.get_response(request)

    def _is_open(self, path):
        return any(path.startswith(reverse(name)) for name in OPEN_URL_NAMES)

    def _second_step(self, request, user):
        query = urlencode({"next": request.get_full_path()})
        if two_factor.is_enrolled(user):
            return redirect(f"{reverse('staff_two_factor_verify')}?{query}")
        if two_factor.must_enrol_now(user):
            return redirect(f"{reverse('staff_two_factor_setup')}?{query}")
        if two_factor.is_required_for(user) and not request.session.get(
            POSTPONED_NOTICE_SESSION_KEY
        ):
            request.session[POSTPONED_NOTICE_SESSION_KEY] = True
            messages.warning(
                request,
                _(
                    "二段階認証がまだ設定されていません。アカウントの「二段階認証」から設定してください。"
                ),
            )
        return None
