"""Defects found in the staff's browser journeys, reproduced at the HTTP level.

Each test posts what a browser posts (tests.measures.browser_posts): the comments formset that
the admin's script adds, CRLF line breaks, workflow actions as hidden inputs of the edit form,
background autosaves asking for JSON.
"""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from accessibility.furigana import annotate
from editorial import roles
from measures.models import Department, DxPriority, MeasureChangeNote, MeasurePage
from tests.admin_forms import form_data
from tests.measures.browser_posts import (
    browser_edit_data,
    edit_view_action,
    post_browser_edit,
    save_draft,
    submit_for_review,
    textarea_names,
    workflow_action_fields,
)
from tests.measures.workflow_steps import DENIED, login, outcome, public_text, workflow_action

pytestmark = pytest.mark.django_db

ADDITION = "\n令和5年度は、スマート農業機械の導入を支援する補助を始めます。"
COMMENT = "補助の上限額も書いてください。"
NOTE = "令和5年度の補助制度を追記しました。"


def workflow_state(page):
    return (
        WorkflowState.objects.filter(base_content_type__model="page", object_id=str(page.pk))
        .order_by("-created_at")
        .first()
    )


def draft(page):
    """The latest revision of the page, read afresh (the instance caches its latest revision)."""
    return MeasurePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def staff(username):
    client = Client()
    login(client, username)
    return client


@pytest.fixture
def submitted(measure):
    """Measure 8, changed by editor-nosei and submitted for review from the browser."""
    page = measure(8)
    editor = staff("editor-nosei")
    response = submit_for_review(
        editor, page, expected_effects=page.expected_effects + ADDITION, change_note=NOTE
    )
    assert response.status_code == 302
    assert workflow_state(page).status == WorkflowState.STATUS_IN_PROGRESS
    return page


# 1. Saving from the browser


def test_browser_save_with_comments_formset_and_crlf_is_stored_with_lf(client, measure):
    page = measure(8)
    login(client, "editor-nosei")
    data = browser_edit_data(client, page, expected_effects=page.expected_effects + ADDITION)
    assert "comments-TOTAL_FORMS" in data
    assert "\r\n" in data["expected_effects"]

    response = post_browser_edit(client, page, data)

    assert response.status_code == 302
    stored = draft(page)
    assert stored.expected_effects == page.expected_effects + ADDITION
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    for name in textarea_names(html):
        value = getattr(stored, name, None)
        assert not isinstance(value, str) or "\r" not in value, name


def test_browser_submission_for_review_answers_302(submitted):
    assert ADDITION.strip() in draft(submitted).expected_effects


# 2. Four eyes, judged on the content


def test_reject_from_the_edit_view_saves_no_revision_and_the_reviewer_approves_later(submitted):
    page = submitted
    reviewer = staff("reviewer")
    revisions = page.revisions.count()

    assert edit_view_action(reviewer, page, "reject", COMMENT).status_code == 302

    assert page.revisions.count() == revisions
    state = workflow_state(page)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == COMMENT

    editor = staff("editor-nosei")
    fixed = draft(page).expected_effects + "補助の上限は150万円です。"
    assert submit_for_review(editor, page, expected_effects=fixed).status_code == 302
    assert workflow_state(page).status == WorkflowState.STATUS_IN_PROGRESS

    edit_page = reviewer.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "あなたは承認できません" not in edit_page
    assert edit_view_action(reviewer, page, "approve").status_code == 302
    assert workflow_state(page).status == WorkflowState.STATUS_APPROVED
    assert "補助の上限は150万円です。" in public_text(Client(), page)


def test_reviewer_who_saved_the_draft_unchanged_may_still_approve(submitted):
    page = submitted
    reviewer = staff("reviewer")
    assert save_draft(reviewer, page).status_code == 302

    assert edit_view_action(reviewer, page, "approve").status_code == 302
    assert workflow_state(page).status == WorkflowState.STATUS_APPROVED


def test_admin_approves_from_the_edit_view(submitted):
    page = submitted
    admin = staff("admin")

    response = edit_view_action(admin, page, "approve")

    assert response.status_code == 302
    assert response.url != reverse("wagtailadmin_home")
    assert "アクセス権がありません" not in admin.get(response.url).content.decode()
    assert workflow_state(page).status == WorkflowState.STATUS_APPROVED
    assert ADDITION.strip() in public_text(Client(), page)


def test_reviewer_who_changed_the_content_is_still_refused(submitted):
    page = submitted
    reviewer = staff("reviewer")
    changed = draft(page).situation + "（審査者が加筆）"
    assert save_draft(reviewer, page, situation=changed).status_code == 302

    assert edit_view_action(reviewer, page, "approve").status_code == 403
    assert outcome(workflow_action(reviewer, page, "approve")) == DENIED
    assert workflow_state(page).status == WorkflowState.STATUS_IN_PROGRESS


# 3. Writer and approver


def test_approval_from_the_edit_view_credits_the_writer_and_records_the_approver(submitted):
    page = submitted
    assert edit_view_action(staff("reviewer"), page, "approve").status_code == 302

    page.refresh_from_db()
    assert page.live_revision.user.username == "editor-nosei"
    note = MeasureChangeNote.objects.filter(page=page, note=NOTE).get()
    assert note.author.username == "editor-nosei"
    assert note.approved_by.username == "reviewer"
    html = public_text(Client(), page)
    history = html[html.index("change-history-heading") :]
    assert NOTE in history
    assert "作成: 農政課" in history
    assert "承認: 情報政策課" in history


# 4. Autosave


def test_autosave_carrying_a_workflow_action_only_saves_the_draft(submitted):
    page = submitted
    reviewer = staff("reviewer")
    changed = draft(page).situation + "（下書き）"
    data = {
        **browser_edit_data(reviewer, page, situation=changed),
        **workflow_action_fields("reject", COMMENT),
    }

    response = post_browser_edit(reviewer, page, data, HTTP_ACCEPT="application/json")

    assert response.status_code == 200, response.content[:300]
    state = workflow_state(page)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == "in_progress"
    assert draft(page).situation == changed


# 5. wagtail-localize's shortcuts past review


@pytest.fixture
def english_measure(measure):
    source_page = measure(8)
    page = MeasurePage.objects.get(
        translation_key=source_page.translation_key, locale__language_code="en"
    )
    assert Translation.objects.filter(
        source__object_id=source_page.translation_key, target_locale=page.locale
    ).exists()
    return page


def test_editor_may_not_convert_a_translation_to_an_alias(english_measure):
    page = english_measure
    editor = staff("editor-nosei")
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])

    assert editor.post(url).status_code == 403

    page.refresh_from_db()
    assert page.alias_of_id is None
    assert Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=page.locale
    ).exists()


@pytest.mark.xfail(
    strict=True, reason="wagtail-localize's translation editor still offers the conversion URL"
)
def test_editor_is_not_offered_the_alias_conversion(english_measure):
    editor = staff("editor-nosei")
    url = reverse("wagtail_localize:convert_to_alias", args=[english_measure.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[english_measure.pk])
    html = editor.get(edit_url).content.decode()
    assert "localize-convert-to-alias" not in html
    assert url not in html


def test_admin_is_offered_the_alias_conversion(english_measure):
    admin = staff("admin")
    url = reverse("wagtail_localize:convert_to_alias", args=[english_measure.pk])
    assert admin.get(url).status_code == 200


def sync_translations(client, page, **fields):
    source = TranslationSource.objects.get(
        object_id=page.translation_key, locale=Locale.get_default()
    )
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    return client.post(url, fields)


def test_immediate_sync_publishing_needs_publish_rights(english_measure, measure):
    translator = Client()
    user = login(translator, "editor-nosei")
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        )
    )
    source_page = measure(8)

    assert sync_translations(translator, source_page, publish_translations="on").status_code == 403
    assert (
        sync_translations(staff("admin"), source_page, publish_translations="on").status_code == 302
    )


# 7. Fiscal years


def add_duplicate_report(data):
    """A second progress report, a copy of the first one (so the same fiscal year)."""
    total = int(data["progress_reports-TOTAL_FORMS"])
    first = "progress_reports-0-"
    copy = {
        f"progress_reports-{total}-{key[len(first) :]}": value
        for key, value in data.items()
        if key.startswith(first)
    }
    copy[f"progress_reports-{total}-id"] = ""
    copy.pop(f"progress_reports-{total}-DELETE", None)
    return {**data, **copy, "progress_reports-TOTAL_FORMS": str(total + 1)}


def test_a_second_report_for_the_same_fiscal_year_is_refused(client, measure):
    page = measure(8)
    login(client, "editor-nosei")
    revisions = page.revisions.count()
    data = add_duplicate_report(browser_edit_data(client, page))

    response = post_browser_edit(client, page, data)

    assert response.status_code == 200
    assert "この年度はすでにあります" in response.content.decode()
    assert page.revisions.count() == revisions
    assert (
        page.progress_reports.count()
        == MeasurePage.objects.get(pk=page.pk).progress_reports.count()
    )


def test_fiscal_years_are_chosen_as_reiwa_years(client, measure):
    login(client, "editor-nosei")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[measure(8).pk])).content.decode()
    assert "令和5年度 (2023)" in html


# 8. Departments and the 自治体DX table


def snippet_url(model, name, *args):
    return reverse(f"wagtailsnippets_measures_{model._meta.model_name}:{name}", args=args)


def snippet_edit_data(client, model, instance, **changes):
    html = client.get(snippet_url(model, "edit", instance.pk)).content.decode()
    return {**form_data(html, "form[method=post][action*='/edit/']"), **changes}


@pytest.mark.parametrize(
    ("model", "field"), [(Department, "name"), (DxPriority, "title")], ids=["department", "dx"]
)
def test_reviewers_no_longer_change_departments_or_dx_entries(client, model, field):
    instance = model.objects.filter(locale=Locale.get_default()).order_by("pk").first()
    before = getattr(instance, field)
    admin = staff("admin")
    data = snippet_edit_data(admin, model, instance, **{field: before + "（変更）"})
    login(client, "reviewer")

    assert outcome(client.get(snippet_url(model, "edit", instance.pk))) == DENIED
    assert outcome(client.post(snippet_url(model, "edit", instance.pk), data)) == DENIED

    instance.refresh_from_db()
    assert getattr(instance, field) == before
    assert admin.post(snippet_url(model, "edit", instance.pk), data).status_code == 302
    instance.refresh_from_db()
    assert getattr(instance, field) == before + "（変更）"


def test_dx_entries_have_a_field_history(client):
    entry = DxPriority.objects.filter(locale=Locale.get_default()).order_by("pk").first()
    admin = staff("admin")
    data = snippet_edit_data(admin, DxPriority, entry, title=entry.title + "（改訂）")
    assert admin.post(snippet_url(DxPriority, "edit", entry.pk), data).status_code == 302

    response = admin.get(snippet_url(DxPriority, "field_history", entry.pk))

    assert response.status_code == 200
    assert entry.title + "（改訂）" in response.content.decode()


def test_bootstrap_site_revokes_permissions_beyond_the_roles():
    reviewers = Group.objects.get(name=roles.REVIEWERS)
    extra = Permission.objects.get(content_type__app_label="measures", codename="delete_department")
    assert f"measures.{extra.codename}" not in roles.MODEL_PERMISSIONS[roles.REVIEWERS]
    reviewers.permissions.add(extra)

    call_command("bootstrap_site", stdout=io.StringIO())

    granted = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in reviewers.permissions.select_related("content_type")
    }
    assert granted == set(roles.MODEL_PERMISSIONS[roles.REVIEWERS])


# 10. Answers that were 500s


def test_department_chooser_search_answers():
    admin = staff("admin")
    namespace = "wagtailsnippetchoosers_measures_department"
    for name in ("choose", "choose_results"):
        response = admin.get(reverse(f"{namespace}:{name}"), {"q": "課"})
        assert response.status_code == 200, name


def test_furigana_of_a_very_long_paragraph():
    text = "小山市は行政手続のオンライン化を進めます。" * 3000
    assert len(text) > 60_000

    spans = annotate(text, {})

    assert "".join(span.text for span in spans) == text
    assert any(span.reading for span in spans)
