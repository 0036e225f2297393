"""The public form: a message, an optional reply address, and a field only robots fill in."""

from django import forms
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 2000


class FeedbackForm(forms.Form):
    message = forms.CharField(
        label=_("ご意見"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("ご意見を入力してください。")},
        help_text=_("2000文字まで。住所や電話番号などの個人情報は書かないでください。"),
    )
    reply_to = forms.EmailField(
        label=_("返信先のメールアドレス（任意）"),
        required=False,
        help_text=_("返信を希望するときだけ入力してください。"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # The honeypot: hidden from people (CSS and aria-hidden), filled in by form-filling robots.
    website = forms.CharField(
        label=_("この欄は空のままにしてください"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_robot(self):
        return bool(self.cleaned_data.get("website"))
