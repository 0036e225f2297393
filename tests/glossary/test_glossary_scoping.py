"""Who may edit which glossary term, and the term's field history."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from glossary.models import GlossaryTerm
from measures.models import MeasurePage
from tests.factories import GlossaryTermFactory
from tests.measures.workflow_steps import login

pytestmark = pytest.mark.django_db

TERM_LINKS = MeasurePage.glossary_terms.through


def edit_url(term):
    return reverse("wagtailsnippets_glossary_glossaryterm:edit", args=[term.pk])


@pytest.fixture
def unused_term():
    """A term no measure links to: no department's measure uses it."""
    return GlossaryTermFactory(locale=Locale.get_default())


@pytest.fixture
def nosei_term(measure):
    """A term that measure 8, 農政課's measure, links to."""
    page = measure(8)
    link = TERM_LINKS.objects.filter(measurepage_id=page.pk).first()
    if link is not None:
        return GlossaryTerm.objects.get(pk=link.glossaryterm_id)
    term = GlossaryTermFactory(locale=Locale.get_default())
    TERM_LINKS.objects.create(measurepage_id=page.pk, glossaryterm_id=term.pk)
    return term


def test_department_editor_may_not_edit_a_term_their_measures_do_not_use(client, unused_term):
    login(client, "editor-nosei")
    assert client.get(edit_url(unused_term)).status_code == 403
    assert client.post(edit_url(unused_term), {"definition": "書き換え"}).status_code == 403
    unused_term.refresh_from_db()
    assert unused_term.definition == "テストのための用語"


def test_department_editor_may_edit_a_term_of_their_measure(client, nosei_term):
    login(client, "editor-nosei")
    assert client.get(edit_url(nosei_term)).status_code == 200


@pytest.mark.parametrize("username", ["editor-joho", "reviewer", "admin"])
def test_the_supervising_division_and_reviewers_edit_any_term(client, unused_term, username):
    login(client, username)
    assert client.get(edit_url(unused_term)).status_code == 200


def test_field_history_after_a_change(client, unused_term):
    unused_term.definition = "変更後の説明です。"
    unused_term.save()
    login(client, "admin")

    url = reverse("wagtailsnippets_glossary_glossaryterm:field_history", args=[unused_term.pk])
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "変更後の説明です。" in html
    assert "テストのための用語" in html
