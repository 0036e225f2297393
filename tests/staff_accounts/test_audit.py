"""The audit log of staff accounts, and its read-only listing for administrators."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from editorial.roles import ADMINISTRATORS, REVIEWERS
from staff_accounts.models import AuditEvent, AuditKind
from tests.admin_forms import form_data
from tests.measures.workflow_steps import login
from tests.staff_accounts.helpers import client_from, sign_in

pytestmark = pytest.mark.django_db

LISTING = "/admin/staff_audit/"


def latest(kind):
    return AuditEvent.objects.filter(kind=kind).first()


def test_logins_failures_and_logouts_are_recorded():
    client = client_from("203.0.113.5")
    sign_in(client, "reviewer", "wrong-guess")
    failure = latest(AuditKind.LOGIN_FAILED)
    assert (failure.username, failure.ip_address) == ("reviewer", "203.0.113.5")

    sign_in(client, "reviewer", settings.DEMO_PASSWORD)
    success = latest(AuditKind.LOGIN)
    assert success.user.username == "reviewer"

    client.post("/admin/logout/")
    assert latest(AuditKind.LOGOUT).username == "reviewer"


def test_a_failure_for_an_unknown_name_is_recorded_by_name():
    sign_in(client_from("203.0.113.5"), "no-such-person", "guess")
    failure = latest(AuditKind.LOGIN_FAILED)
    assert failure.username == "no-such-person"
    assert failure.user is None


def test_group_permission_and_status_changes_are_recorded():
    editor = get_user_model().objects.get(username="editor-joho")
    editor.groups.add(Group.objects.get(name=REVIEWERS))
    assert REVIEWERS in latest(AuditKind.GROUPS_CHANGED).detail

    editor.user_permissions.add(Permission.objects.get(codename="delete_glossaryterm"))
    assert "glossary.delete_glossaryterm" in latest(AuditKind.PERMISSIONS_CHANGED).detail

    editor.is_superuser = True
    editor.save()
    assert latest(AuditKind.STATUS_CHANGED).detail == "管理者: はい"

    before = AuditEvent.objects.count()
    editor.first_name = "花子"
    editor.save()
    assert AuditEvent.objects.count() == before


def test_a_change_in_the_admins_user_editor_names_who_made_it():
    admin = Client()
    login(admin, "admin")
    reviewer = get_user_model().objects.get(username="reviewer")
    url = reverse("wagtailusers_users:edit", args=[reviewer.pk])
    data = form_data(admin.get(url).content.decode(), f'form[action="{url}"]')
    data.update(first_name="審査", last_name="担当")  # the editor requires names
    data["groups"] = [str(Group.objects.get(name=ADMINISTRATORS).pk)]
    seen = AuditEvent.objects.latest("pk").pk  # bootstrap_site's own changes are in the seed
    assert admin.post(url, data).status_code == 302

    changes = AuditEvent.objects.filter(kind=AuditKind.GROUPS_CHANGED, user=reviewer, pk__gt=seen)
    assert {e.actor.username for e in changes} == {"admin"}
    assert any(ADMINISTRATORS in e.detail and e.detail.startswith("追加") for e in changes)
    assert any(REVIEWERS in e.detail and e.detail.startswith("削除") for e in changes)


def test_administrators_read_the_log_filtered_in_japanese():
    sign_in(client_from("203.0.113.5"), "reviewer", "wrong-guess")
    admin = Client()
    login(admin, "admin")
    listing = admin.get(LISTING, {"kind": AuditKind.LOGIN_FAILED})
    page = listing.content.decode()
    assert listing.status_code == 200
    assert "アカウントの監査記録" in page
    assert "203.0.113.5" in page
    assert "ログインの失敗" in page

    only_logins = admin.get(LISTING, {"kind": AuditKind.LOGIN}).content.decode()
    assert "203.0.113.5" not in only_logins


def test_the_log_cannot_be_changed_nor_read_by_others():
    event = AuditEvent.objects.create(kind=AuditKind.LOGIN, username="reviewer")
    admin = Client()
    login(admin, "admin")
    assert admin.get(f"{LISTING}new/").status_code == 302
    admin.post(f"{LISTING}delete/{event.pk}/")
    assert AuditEvent.objects.filter(pk=event.pk).exists()

    reviewer = Client()
    login(reviewer, "reviewer")
    assert reviewer.get(LISTING).status_code == 302
