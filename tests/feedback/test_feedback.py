"""この施策についてのご意見: sent from the public form, read by the right staff, then forgotten."""

import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from editorial.models import OutgoingMail
from feedback import services
from feedback.models import Feedback

FARMING = 8  # スマート農業の実現: led by 農政課
FORM = f"/ja/feedback/measures/{FARMING}/"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def user(username):
    return get_user_model().objects.get(username=username)


def send(client, message="ドローンの活用について質問があります。", headers=None, **fields):
    data = {"message": message, "reply_to": "", "website": "", **fields}
    return client.post(FORM, data, **(headers or {}))


def test_measure_page_links_to_its_form(client, db):
    soup = BeautifulSoup(client.get(f"/ja/measures/{FARMING}/").content, "html.parser")
    assert soup.find("a", href=FORM)
    assert not soup.find("textarea")


def test_form_page_has_labelled_fields_and_a_hidden_trap(client, db):
    response = client.get(FORM)
    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert soup.title.get_text().startswith("この施策についてのご意見：8. ")
    for name in ("message", "reply_to", "website"):
        field = soup.find(attrs={"name": name})
        assert soup.find("label", attrs={"for": field["id"]})
    trap = soup.find(attrs={"name": "website"}).find_parent(class_="form-field--trap")
    assert trap["aria-hidden"] == "true"


def test_feedback_is_stored_and_mailed_to_the_department_and_the_division(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, reply_to="citizen@example.jp")

    assert response.status_code == 302
    assert response.headers["Location"] == f"{FORM}?sent=1"
    feedback = Feedback.objects.get()
    assert (feedback.measure.number, feedback.status, feedback.language) == (FARMING, "new", "ja")
    assert feedback.reply_to == "citizen@example.jp"
    recipients = {message.to[0] for message in mail.outbox}
    assert {"editor-nosei@example.invalid", "reviewer@example.invalid"} <= recipients
    assert "editor-joho@example.invalid" not in recipients
    body = mail.outbox[0].body
    assert "ドローンの活用について質問があります。" in body
    assert "citizen@example.jp" not in body
    assert f"/admin/snippets/feedback/feedback/edit/{feedback.pk}/" in body
    assert "施策8へのご意見が届きました" in mail.outbox[0].subject


def test_thanks_page_after_sending(client, db):
    soup = BeautifulSoup(client.get(f"{FORM}?sent=1").content, "html.parser")
    thanks = soup.main.find(role="status").get_text()
    assert thanks == "ご意見を受け付けました。ありがとうございました。"


def test_empty_message_is_refused_and_nothing_is_stored(client, db):
    response = send(client, message="   ")
    assert response.status_code == 200
    assert "ご意見を入力してください。" in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_filled_trap_is_thanked_but_not_stored(client, db):
    response = send(client, website="http://spam.example/")
    assert response.status_code == 302
    assert not Feedback.objects.exists()
    assert mail.outbox == []


@override_settings(FEEDBACK_RATE_LIMIT=2)
def test_too_many_messages_from_one_address_are_refused(client, db):
    assert send(client).status_code == 302
    assert send(client).status_code == 302
    refused = send(client)
    assert refused.status_code == 429
    assert "受け付けを一時止めています" in refused.content.decode()
    assert Feedback.objects.count() == 2
    assert send(client, headers={"REMOTE_ADDR": "192.0.2.9"}).status_code == 302


def test_unknown_measure_has_no_form(client, db):
    assert client.get("/ja/feedback/measures/99/").status_code == 404


def test_each_department_sees_only_its_own_measures_feedback(client, db, measure):
    farming = services.receive(measure(FARMING), "農業について", "", "ja")
    open_data = services.receive(measure(6), "オープンデータについて", "", "ja")

    assert set(services.visible_to(user("editor-nosei"))) == {farming}
    assert open_data in set(services.visible_to(user("editor-joho")))
    assert farming not in set(services.visible_to(user("editor-joho")))
    assert set(services.visible_to(user("reviewer"))) == {farming, open_data}

    client.force_login(user("editor-joho"))
    listing = client.get("/admin/snippets/feedback/feedback/").content.decode()
    assert "オープンデータの推進" in listing
    assert "スマート農業" not in listing
    other = client.get(f"/admin/snippets/feedback/feedback/edit/{farming.pk}/", follow=True)
    assert "農業について" not in other.content.decode()
    edit = client.get(f"/admin/snippets/feedback/feedback/edit/{open_data.pk}/")
    assert edit.status_code == 200
    assert "オープンデータについて" in edit.content.decode()


def test_staff_change_the_status_and_the_history_keeps_it(client, db, measure):
    feedback = services.receive(measure(FARMING), "農業について", "", "ja")
    client.force_login(user("editor-nosei"))
    response = client.post(
        f"/admin/snippets/feedback/feedback/edit/{feedback.pk}/",
        {"status": "answered", "staff_note": "電話で回答しました。"},
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == "answered"
    assert feedback.message == "農業について"
    assert [h.status for h in feedback.history.order_by("history_date")] == ["new", "answered"]


@override_settings(FEEDBACK_RETENTION_DAYS=30)
def test_purge_deletes_old_feedback_and_its_history(db, measure):
    old = services.receive(measure(FARMING), "古い意見", "old@example.jp", "ja")
    recent = services.receive(measure(FARMING), "新しい意見", "", "ja")
    Feedback.objects.filter(pk=old.pk).update(received_at=timezone.now() - timedelta(days=31))

    output = io.StringIO()
    call_command("purge_feedback", stdout=output)

    assert list(Feedback.objects.all()) == [recent]
    assert not Feedback.history.filter(id=old.pk).exists()
    assert not OutgoingMail.objects.filter(body__contains="古い意見").exists()
    assert OutgoingMail.objects.filter(body__contains="新しい意見").exists()
    assert "Deleted 1 feedback message(s) older than 30 days." in output.getvalue()
