"""Wagtail's password reset by mail, in Japanese, at most three mails an hour per address and
per client; beyond that the same answer and no mail."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client

from tests.staff_accounts.helpers import client_from, sign_in

pytestmark = pytest.mark.django_db

RESET_URL = "/admin/password_reset/"
ADDRESS = "reviewer@example.invalid"


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


def ask(client, email=ADDRESS):
    return client.post(RESET_URL, {"email": email})


def test_the_mail_is_japanese_and_its_link_sets_a_new_password():
    response = ask(Client())
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert "パスワード" in message.subject + message.body
    link = re.search(r"https?://\S+/admin/password_reset/confirm/\S+/", message.body).group(0)

    visitor = Client()
    form = visitor.get(link, follow=True)
    assert form.status_code == 200
    new_password = "a-new-Password-2027"
    done = visitor.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    assert get_user_model().objects.get(username="reviewer").check_password(new_password)
    assert sign_in(Client(), "reviewer", new_password).status_code == 302


def test_a_fourth_request_within_the_hour_is_answered_alike_without_a_mail():
    client = client_from("203.0.113.5")
    answers = [ask(client) for _ in range(4)]
    assert len(mail.outbox) == 3
    assert {(a.status_code, a.url) for a in answers} == {(302, answers[0].url)}

    # The address's hour is used up from any client, too.
    ask(client_from("198.51.100.7"))
    assert len(mail.outbox) == 3


def test_one_client_cannot_send_more_than_three_mails_to_different_addresses():
    client = client_from("203.0.113.5")
    for username in ["reviewer", "editor-joho", "editor-nosei", "admin"]:
        ask(client, f"{username}@example.invalid")
    assert len(mail.outbox) == 3
    ask(client_from("198.51.100.7"), "admin@example.invalid")
    assert [m.to for m in mail.outbox][-1] == ["admin@example.invalid"]
