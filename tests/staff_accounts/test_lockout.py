"""Five wrong passwords lock the user name and the client's address for 15 minutes (django-axes)."""

from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from staff_accounts.models import AuditEvent, AuditKind
from tests.staff_accounts.helpers import client_from, sign_in

pytestmark = pytest.mark.django_db

LOCKED = "15分間ロックされています"


def fail_five_times(client, username="reviewer"):
    answers = [sign_in(client, username, "wrong-guess") for _ in range(5)]
    return answers


def test_five_failures_lock_the_account_even_against_the_right_password():
    attacker = client_from("203.0.113.5")
    answers = fail_five_times(attacker)
    assert [a.status_code for a in answers[:4]] == [200] * 4
    assert LOCKED not in answers[3].content.decode()

    locked = sign_in(attacker, "reviewer", settings.DEMO_PASSWORD)
    page = locked.content.decode()
    assert locked.status_code == 429
    assert LOCKED in page
    assert 'id="id_username"' in page  # the login page itself, not an error page
    assert "_auth_user_id" not in attacker.session

    # The user name is locked from every address, not only the attacker's.
    elsewhere = sign_in(client_from("198.51.100.7"), "reviewer", settings.DEMO_PASSWORD)
    assert elsewhere.status_code == 429


def test_another_user_from_another_address_is_not_affected():
    fail_five_times(client_from("203.0.113.5"))
    colleague = client_from("198.51.100.7")
    response = sign_in(colleague, "editor-joho", settings.DEMO_PASSWORD)
    assert response.status_code == 302
    assert colleague.session["_auth_user_id"]


def test_the_attackers_address_is_locked_for_other_user_names_too():
    attacker = client_from("203.0.113.5")
    fail_five_times(attacker)
    assert sign_in(attacker, "editor-joho", settings.DEMO_PASSWORD).status_code == 429


def test_the_lock_ends_after_fifteen_minutes():
    attacker = client_from("203.0.113.5")
    fail_five_times(attacker)
    fourteen_minutes_ago = timezone.now() - timedelta(minutes=14)
    AccessAttempt.objects.update(attempt_time=fourteen_minutes_ago)
    assert sign_in(attacker, "reviewer", settings.DEMO_PASSWORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = sign_in(attacker, "reviewer", settings.DEMO_PASSWORD)
    assert response.status_code == 302
    assert attacker.session["_auth_user_id"]


def test_an_administrator_unlocks_the_account_with_a_command():
    fail_five_times(client_from("203.0.113.5"))
    reviewer = client_from("198.51.100.7")
    assert sign_in(reviewer, "reviewer", settings.DEMO_PASSWORD).status_code == 429

    call_command("axes_reset_username", "reviewer", stdout=StringIO())
    assert sign_in(reviewer, "reviewer", settings.DEMO_PASSWORD).status_code == 302


def test_the_lockout_is_logged():
    fail_five_times(client_from("203.0.113.5"))
    events = AuditEvent.objects.filter(username="reviewer")
    assert events.filter(kind=AuditKind.LOGIN_FAILED).count() == 5
    lockout = events.get(kind=AuditKind.LOCKED_OUT)
    assert lockout.ip_address == "203.0.113.5"
