"""A staff session ends when the browser closes, and after eight hours in any case."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from tests.staff_accounts.helpers import LOGIN_URL

pytestmark = pytest.mark.django_db


def test_the_session_cookie_dies_with_the_browser_even_when_asked_to_remember():
    client = Client()
    data = {"username": "reviewer", "password": settings.DEMO_PASSWORD, "remember": "on"}
    response = client.post(LOGIN_URL, data)
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""


def test_the_login_form_offers_no_remember_me():
    page = Client().get(LOGIN_URL).content.decode()
    assert 'name="remember"' not in page
    assert 'id="id_password"' in page


def test_the_session_lasts_eight_hours():
    client = Client()
    client.post(LOGIN_URL, {"username": "reviewer", "password": settings.DEMO_PASSWORD})
    assert client.session.get_expiry_age() == 8 * 60 * 60
    session = Session.objects.get(session_key=client.session.session_key)
    assert session.expire_date - timezone.now() <= timedelta(hours=8)
    assert client.get("/admin/").status_code == 200

    # Eight hours and a minute later, as the database sees it.
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(minutes=1))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(LOGIN_URL)
