"""The admin's sign-in steps after the password: lockout, the second factor, password resets."""

import django_otp
from axes.helpers import get_client_ip_address
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.utils import ErrorDict
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from wagtail.admin.views.account import PasswordResetView

from staff_accounts import password_reset, two_factor
from staff_accounts.audit import record
from staff_accounts.forms import CodeForm
from staff_accounts.models import AuditKind

RECOVERY_CODES_SESSION_KEY = "staff_accounts_recovery_codes"


def lockout_message():
    return _(
        "ログインに続けて失敗したため、このアカウント（またはこの端末からのログイン）は"
        "15分間ロックされています。時間をおいてからもう一度お試しいただくか、"
        "サイト管理者にロックの解除を依頼してください。"
    )


def locked_out(request, original_response, credentials):
    """django-axes' answer to a locked-out sign-in: the login page again, saying why."""
    context = getattr(original_response, "context_data", None)
    if not context or "form" not in context:
        return HttpResponse(lockout_message(), status=429, content_type="text/plain; charset=utf-8")
    form = context["form"]
    form._errors = ErrorDict({NON_FIELD_ERRORS: form.error_class([lockout_message()])})
    response = TemplateResponse(request, original_response.template_name, context, status=429)
    return response.render()  # after the view: nothing else renders it now


def _next_url(request):
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if allowed else reverse("wagtailadmin_home")


def verify(request):
    """The second step of signing in: a code from the authenticator app or a recovery code."""
    user = request.user
    if user.is_verified() or not two_factor.is_enrolled(user):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(_next_url(request))
        record(AuditKind.TWO_FACTOR_FAILED, request=request, user=user)
        form.add_error("code", _("確認コードが正しくありません。"))
    context = {"form": form, "next": _next_url(request)}
    return TemplateResponse(request, "staff_accounts/verify.html", context)


def setup(request):
    """Enrolment: scan the QR code (or type the key), confirm with a code, keep recovery codes."""
    user = request.user
    if two_factor.is_enrolled(user):
        if not user.is_verified():  # a password alone never replaces the enrolled authenticator
            return redirect(f"{reverse('staff_two_factor_verify')}?{request.GET.urlencode()}")
        return TemplateResponse(request, "staff_accounts/enrolled.html", {})
    device = two_factor.pending_app_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_enrolment(device, form.cleaned_data["code"])
        if codes is not None:
            django_otp.login(request, device)
            record(AuditKind.TWO_FACTOR_ENROLLED, request=request, user=user)
            request.session[RECOVERY_CODES_SESSION_KEY] = codes
            query = urlencode({"next": _next_url(request)})
            return redirect(f"{reverse('staff_two_factor_recovery_codes')}?{query}")
        form.add_error(
            "code", _("確認コードが正しくありません。認証アプリの最新のコードを入力してください。")
        )
    context = {
        "form": form,
        "next": _next_url(request),
        "must_enrol": two_factor.must_enrol_now(user),
        "qr_code": two_factor.qr_code_data_uri(device),
        "secret": two_factor.secret_for_display(device),
    }
    return TemplateResponse(request, "staff_accounts/setup.html", context)


def recovery_codes(request):
    """The recovery codes, once: they are not kept anywhere the page could show them again."""
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    if not codes:
        return redirect(_next_url(request))
    context = {"codes": codes, "next": _next_url(request)}
    return TemplateResponse(request, "staff_accounts/recovery_codes.html", context)


class RateLimitedPasswordResetView(PasswordResetView):
    """Wagtail's password reset, sending at most PASSWORD_RESET_RATE_LIMIT mails an hour per
    address and per client; beyond that the answer is the same and no mail goes out."""

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if not password_reset.allow(email, get_client_ip_address(self.request)):
            return HttpResponseRedirect(self.get_success_url())
        record(AuditKind.PASSWORD_RESET, request=self.request, detail=email)
        return super().form_valid(form)
