"""Two-factor sign-in with an authenticator app (TOTP) and one-time recovery codes (django-otp).

Reviewers (who approve and so publish) and administrators must use it when STAFF_2FA_REQUIRED is
on; editors may. The QR code is drawn here as SVG: the secret never leaves the site.
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import REVIEWERS

APP_DEVICE_NAME = "認証アプリ"
RECOVERY_DEVICE_NAME = "予備コード"
RECOVERY_CODE_COUNT = 10


def is_required_for(user):
    """Reviewers and administrators; the setting decides whether they may put it off."""
    return user.is_superuser or user.groups.filter(name=REVIEWERS).exists()


def must_enrol_now(user):
    return settings.STAFF_2FA_REQUIRED and is_required_for(user) and not is_enrolled(user)


def is_enrolled(user):
    return user_has_device(user, confirmed=True)


def pending_app_device(user):
    """The unconfirmed authenticator of an enrolment under way, made on first need."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def secret_for_display(device):
    """The key as an authenticator app asks for it typed: base32 in groups of four."""
    secret = base64.b32encode(device.bin_key).decode("ascii")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device):
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@transaction.atomic
def confirm_enrolment(device, code):
    """Confirms the authenticator when the code is right and issues fresh recovery codes.

    Returns the recovery codes (to be shown once), or None when the code is wrong.
    """
    if not device.verify_token(code.strip().replace(" ", "")):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    return issue_recovery_codes(device.user)


def issue_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes
