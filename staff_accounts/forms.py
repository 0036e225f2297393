from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class StaffLoginForm(LoginForm):
    """Wagtail's login form without "remember me": a staff session ends with the browser."""

    remember = None


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("確認コード"),
        max_length=20,
        help_text=_("認証アプリに表示されている6桁の数字、または予備コードを入力してください。"),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())
