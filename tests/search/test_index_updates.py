"""The index follows publishing: an approved change is findable at once, an unpublished page is
not; the admin's page and snippet search use the same analysis."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.measures.workflow_steps import login, submit, workflow_action

pytestmark = pytest.mark.django_db

NEW_WORD = "ミライドローン配送"


def found_measures(client, query, lang="ja"):
    with translation.override(lang):
        url = reverse("search")
    html = client.get(url, {"q": query}).content.decode()
    return [int(n) for n in re.findall(r'class="measure-list__number">(\d+)\.', html)]


def test_an_approved_change_is_findable_at_once(client, measure):
    page = measure(6)
    login(client, "editor-joho")
    submit(client, page, situation=page.situation + f"\n\n{NEW_WORD}を試します。")
    client.logout()
    assert 6 not in found_measures(client, "ドローン配送")  # a draft in review is not public

    login(client, "reviewer")
    assert workflow_action(client, page, "approve").status_code == 302
    client.logout()
    assert 6 in found_measures(client, "ドローン配送")
    assert 6 in found_measures(client, "みらいどろーん")


def test_an_unpublished_page_is_no_longer_found(client, measure):
    assert 7 in found_measures(client, "自動運転")
    measure(7).unpublish()
    assert 7 not in found_measures(client, "自動運転")


def test_a_page_in_a_private_section_is_not_found(client, measure):
    from wagtail.models import PageViewRestriction

    page = measure(7)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert 7 not in found_measures(client, "自動運転")


def test_a_published_translation_is_findable_in_its_language(client, measure):
    page = measure(8).get_translation(locale=_locale("en"))
    page.title = "Realising smart agriculture with quadcopters"
    page.save_revision().publish()
    assert 8 in found_measures(client, "quadcopter", lang="en")
    assert 8 not in found_measures(client, "quadcopter", lang="ja")


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def test_admin_page_search_uses_the_same_analysis(client):
    login(client, "admin")
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "まいなんばー"})
    assert response.status_code == 200
    assert "行政手続きのオンライン化" in response.content.decode()


def test_admin_snippet_search_uses_the_same_analysis(client):
    login(client, "admin")
    url = reverse("wagtailsnippets_glossary_glossaryterm:list")
    response = client.get(url, {"q": "ﾜｲﾌｧｲ"})
    assert response.status_code == 200
    assert "Wi-Fi" in response.content.decode()


def test_a_batch_indexes_what_it_saved_once_at_its_end(client, measure):
    from search.index import updates_deferred

    page = measure(9)
    with updates_deferred():
        page.situation += f"\n\n{NEW_WORD}を試します。"
        page.save_revision().publish()
        assert 9 not in found_measures(client, "ドローン配送")  # not indexed during the batch
    assert 9 in found_measures(client, "ドローン配送")

    page.situation += "\n\nスマート水田センサー"  # saves after the batch are indexed at once again
    page.save_revision().publish()
    assert 9 in found_measures(client, "水田センサー")


def test_a_failed_batch_indexes_nothing_and_restores_the_index_updates(client, measure):
    from search.index import updates_deferred

    page = measure(10)
    with pytest.raises(RuntimeError), updates_deferred():
        page.situation += f"\n\n{NEW_WORD}を試します。"
        page.save_revision().publish()
        raise RuntimeError("the import stopped")
    assert 10 not in found_measures(client, "ドローン配送")
    page.refresh_from_db()
    page.situation += "\n\nスマート水田センサー"
    page.save_revision().publish()
    assert 10 in found_measures(client, "水田センサー")


@pytest.fixture
def index_updates():
    """The pks of the objects the index is asked to update, from the task queue's own signal."""
    from django_tasks.signals import task_enqueued
    from modelsearch.tasks import insert_or_update_object_task

    updated = []

    def note(sender, task_result, **kwargs):
        if task_result.task.func is insert_or_update_object_task.func:
            updated.append(int(task_result.args[2]))

    task_enqueued.connect(note)
    yield updated
    task_enqueued.disconnect(note)


def test_a_draft_saves_nothing_to_the_index_and_its_publication_updates_it(
    client, measure, index_updates
):
    page = measure(11)
    page.situation += f"\n\n{NEW_WORD}を試します。"
    revision = page.save_revision()
    assert index_updates == []  # only the revision bookkeeping was written, not the live page
    assert 11 not in found_measures(client, "ドローン配送")

    revision.publish()
    assert page.pk in index_updates
    assert 11 in found_measures(client, "ドローン配送")


def test_a_save_of_an_indexed_field_alone_updates_the_index(measure, index_updates):
    page = measure(12)
    page.title += "（改）"
    page.save(update_fields=["title"])
    assert index_updates == [page.pk]
