"""Signing in through the admin's forms, as a browser does, for the staff-account tests."""

import base64
import re

from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP

LOGIN_URL = "/admin/login/"


def client_from(address):
    return Client(REMOTE_ADDR=address)


def sign_in(client, username, password):
    return client.post(LOGIN_URL, {"username": username, "password": password, "next": "/admin/"})


def shown_secret(html):
    """The base32 key the enrolment page shows for typing into an authenticator app."""
    match = re.search(r'id="two-factor-secret">([A-Z2-7 ]+)<', html)
    assert match, "the enrolment page shows no key"
    return base64.b32decode(match.group(1).replace(" ", ""))


def code_for(key, steps_ahead=0):
    """The authenticator app's code now (or steps_ahead 30-second steps later)."""
    totp = TOTP(key)
    totp.time += steps_ahead * totp.step
    return f"{totp.token():06d}"


def enrol(client):
    """Walks the enrolment page: reads the key, confirms with a code. Returns the key."""
    page = client.get(reverse("staff_two_factor_setup"))
    assert page.status_code == 200
    key = shown_secret(page.content.decode())
    response = client.post(reverse("staff_two_factor_setup"), {"code": code_for(key)})
    assert response.status_code == 302
    assert response.url.startswith(reverse("staff_two_factor_recovery_codes"))
    return key
