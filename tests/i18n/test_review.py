"""Translations go through the same review as Japanese pages, and go out of date in the admin
when the Japanese page changes. Machine translation is off unless configured."""

import pytest
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from measures.models import MeasurePage

NEW_TITLE = "Realising smart agriculture (revised translation)"


@pytest.fixture
def english_8(db):
    return MeasurePage.objects.get(number=8, locale__language_code="en")


def edit_title_in_translation_editor(client, page, text):
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    url = reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
    )
    response = client.put(url, f"value={text}", content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 201), response.content


def test_editors_translation_waits_for_the_reviewer(client, english_8):
    client.login(request=HttpRequest(), username="editor-nosei", password=settings.DEMO_PASSWORD)
    edit_title_in_translation_editor(client, english_8, NEW_TITLE)
    url = reverse("translations_submit_for_review", args=[english_8.pk])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302

    client.logout()
    assert NEW_TITLE not in client.get("/en/measures/8/").content.decode()
    state = WorkflowState.objects.get(object_id=str(english_8.pk), status="in_progress")
    assert state.current_task_state.task.specific.name == "情報政策課による審査"

    client.login(request=HttpRequest(), username="reviewer", password=settings.DEMO_PASSWORD)
    action = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[english_8.pk, "approve", state.current_task_state.pk],
    )
    assert client.post(action, {"comment": ""}).status_code in (200, 302)
    client.logout()
    assert NEW_TITLE in client.get("/en/measures/8/").content.decode()


def test_editors_of_other_departments_cannot_send_the_translation(client, english_8):
    client.login(request=HttpRequest(), username="editor-joho", password=settings.DEMO_PASSWORD)
    url = reverse("translations_submit_for_review", args=[english_8.pk])
    assert client.post(url).status_code == 403
    assert not WorkflowState.objects.filter(object_id=str(english_8.pk)).exists()


def test_editor_cannot_publish_from_the_translation_editor(client, english_8):
    client.login(request=HttpRequest(), username="editor-nosei", password=settings.DEMO_PASSWORD)
    edit_title_in_translation_editor(client, english_8, NEW_TITLE)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[english_8.pk]), {"action": "publish"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    client.logout()
    assert NEW_TITLE not in client.get("/en/measures/8/").content.decode()


def test_changing_the_japanese_page_marks_the_translation_out_of_date(client, measure, english_8):
    client.login(request=HttpRequest(), username="admin", password=settings.DEMO_PASSWORD)
    edit_url = reverse("wagtailadmin_pages:edit", args=[english_8.pk])
    assert "翻訳が古くなっています" not in client.get(edit_url).content.decode()

    source = measure(8)
    source.situation += "\n\n新しい段落。"
    source.save_revision().publish()
    assert "翻訳が古くなっています" in client.get(edit_url).content.decode()

    translation = Translation.objects.get(
        source__object_id=english_8.translation_key, target_locale=english_8.locale
    )
    translation.source.update_from_db()  # what "Sync translated pages" does
    assert "翻訳が古くなっています" not in client.get(edit_url).content.decode()


def test_machine_translation_is_off_by_default(client, english_8):
    client.login(request=HttpRequest(), username="admin", password=settings.DEMO_PASSWORD)
    translation = Translation.objects.get(
        source__object_id=english_8.translation_key, target_locale=english_8.locale
    )
    title = StringSegment.objects.get(source=translation.source, context__path="title").string
    StringTranslation.objects.filter(translation_of=title, locale=english_8.locale).delete()
    machine_translate = reverse("wagtail_localize:machine_translate", args=[translation.pk])

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[english_8.pk]))
    client.post(machine_translate)

    assert editor.status_code == 200
    assert machine_translate not in editor.content.decode()
    # Something is left to translate, and nothing translated it.
    assert not StringTranslation.objects.filter(translation_of=title, locale=english_8.locale)


def test_translated_page_is_under_the_same_workflow(english_8):
    source = english_8.get_translation(Locale.get_default())
    assert english_8.get_workflow() == source.get_workflow() is not None
