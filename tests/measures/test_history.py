"""History: the public 更新履歴, the admin timeline of a measure, the audited snippets."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from editorial.history import FIRST_PUBLICATION_NOTE
from measures.models import Department, DepartmentMembership, MeasureChangeNote
from tests.factories import GlossaryTermFactory
from tests.measures.workflow_steps import (
    DENIED,
    login,
    outcome,
    public_text,
    submit,
    workflow_action,
)

pytestmark = pytest.mark.django_db


def change_history(html):
    match = re.search(r'<section aria-labelledby="change-history-heading".*?</section>', html, re.S)
    return match.group(0) if match else ""


def approved_change(page, note, **changes):
    editor, reviewer = Client(), Client()
    login(editor, "editor-nosei")
    login(reviewer, "reviewer")
    submit(editor, page, note=note, **changes)
    workflow_action(reviewer, page, "approve", comment="問題ありません。")
    page.refresh_from_db()


def test_import_leaves_one_public_entry(client, measure):
    page = measure(8)
    public = MeasureChangeNote.objects.filter(page=page).public()
    assert list(public.values_list("note", flat=True)) == [FIRST_PUBLICATION_NOTE]
    history = change_history(public_text(client, page))
    assert history.count("<li>") == 1
    assert FIRST_PUBLICATION_NOTE in history


def test_public_change_history_shows_the_note(client, measure):
    page = measure(8)
    approved_change(page, "令和5年度の実績を追加しました。")

    history = change_history(public_text(client, page))
    assert "令和5年度の実績を追加しました。" in history
    assert history.index("令和5年度の実績を追加しました。") < history.index(FIRST_PUBLICATION_NOTE)


def test_minor_changes_are_left_out(client, measure):
    page = measure(8)
    approved_change(page, "誤字を直しました。", minor_change="on")

    assert "誤字を直しました。" not in change_history(public_text(client, page))
    assert MeasureChangeNote.objects.filter(page=page, minor=True).exists()


def test_next_edit_starts_from_an_empty_note(client, measure):
    page = measure(8)
    approved_change(page, "一度目の更新")
    login(client, "editor-nosei")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "一度目の更新" not in html


def test_admin_timeline_shows_every_step(client, measure):
    page = measure(8)
    editor = Client()
    login(editor, "editor-nosei")
    submit(editor, page, note="最初の提出")
    login(client, "reviewer")
    workflow_action(client, page, "reject", comment="根拠を書いてください。")
    submit(editor, page, note="根拠を追記")
    workflow_action(client, page, "approve", comment="承認します。")

    html = client.get(reverse("editorial_page_history", args=[page.pk])).content.decode()
    for text in ["根拠を書いてください。", "承認します。", "editor-nosei", "reviewer"]:
        assert text in html
    revisions = list(page.revisions.order_by("created_at").values_list("pk", flat=True))
    for revision in revisions:
        assert f'name="a" value="{revision}"' in html
    assert html.count('name="a"') == len(revisions)


def test_timeline_compares_any_two_revisions(client, measure):
    page = measure(8)
    approved_change(page, "比較のための更新")
    first, *_, last = page.revisions.order_by("created_at").values_list("pk", flat=True)
    login(client, "editor-nosei")

    response = client.get(
        reverse("editorial_page_compare", args=[page.pk]), {"a": last, "b": first}
    )

    assert response.status_code == 302
    assert response.url == reverse(
        "wagtailadmin_pages:revisions_compare", args=[page.pk, first, last]
    )
    assert client.get(response.url).status_code == 200


def test_timeline_is_reachable_from_the_editor(client, measure):
    page = measure(8)
    login(client, "editor-nosei")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert reverse("editorial_page_history", args=[page.pk]) in html


def field_history_url(model_name, pk):
    app = "glossary" if model_name == "glossaryterm" else "measures"
    return reverse(f"wagtailsnippets_{app}_{model_name}:field_history", args=[pk])


def test_membership_changes_are_audited(client):
    admin = login(client, "admin")
    editor = DepartmentMembership.objects.get(user__username="editor-nosei")
    url = reverse("wagtailsnippets_measures_departmentmembership:edit", args=[editor.pk])
    other = Department.objects.get(name="環境課", locale__language_code="ja")
    response = client.post(url, {"user": editor.user_id, "department": other.pk})
    assert response.status_code == 302

    html = client.get(field_history_url("departmentmembership", editor.pk)).content.decode()
    assert "環境課" in html and "農政課" in html
    assert admin.username in html


def test_department_and_glossary_history_views(client):
    login(client, "admin")
    department = Department.objects.get(name="農政課", locale__language_code="ja")
    assert client.get(field_history_url("department", department.pk)).status_code == 200
    term = GlossaryTermFactory(locale=Locale.get_default())
    assert client.get(field_history_url("glossaryterm", term.pk)).status_code == 200


def test_history_view_needs_the_change_permission(client):
    login(client, "editor-nosei")
    membership = DepartmentMembership.objects.get(user__username="editor-nosei")
    response = client.get(field_history_url("departmentmembership", membership.pk))
    assert outcome(response) == DENIED


def test_memberships_are_managed_by_administrators_only(client):
    login(client, "reviewer")
    response = client.get(reverse("wagtailsnippets_measures_departmentmembership:list"))
    assert outcome(response) == DENIED
    login(client, "admin")
    html = client.get(
        reverse("wagtailsnippets_measures_departmentmembership:list")
    ).content.decode()
    assert "editor-nosei" in html
    assert "項目の変更履歴" in html
