"""Glossary terms are snippets under the same review workflow as the measures."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from glossary.models import GlossaryTerm
from tests.admin_forms import form_data
from tests.measures.workflow_steps import DENIED, login, outcome

pytestmark = pytest.mark.django_db

EDIT_FORM = "form[method=post][action*='/edit/']"
NEW_DEFINITION = "審査を経て書き換えた説明です。"


def term_url(name, *args):
    return reverse(f"wagtailsnippets_glossary_glossaryterm:{name}", args=args)


def edit_term(client, term, action, **changes):
    html = client.get(term_url("edit", term.pk)).content.decode()
    data = {**form_data(html, EDIT_FORM), **changes, action: "1"}
    return client.post(term_url("edit", term.pk), data)


def decide(client, term, action, comment=""):
    term.refresh_from_db()
    url = term_url("workflow_action", term.pk, action, term.current_workflow_task_state.pk)
    return client.post(url, {"comment": comment})


def glossary_text(client):
    return client.get("/ja/glossary/").content.decode()


@pytest.fixture
def term():
    return GlossaryTerm.objects.filter(locale=Locale.get_default()).order_by("sort_order").first()


def test_a_term_change_is_public_only_after_approval(client, term):
    old_definition = term.definition
    login(client, "editor-joho")
    assert edit_term(client, term, "action-submit", definition=NEW_DEFINITION).status_code == 302
    assert NEW_DEFINITION not in glossary_text(client)
    assert old_definition.splitlines()[0] in glossary_text(client)

    reviewer = Client()
    login(reviewer, "reviewer")
    assert decide(reviewer, term, "approve").status_code == 302
    assert NEW_DEFINITION in glossary_text(client)


def test_rejected_term_returns_with_the_comment(client, term):
    login(client, "editor-joho")
    edit_term(client, term, "action-submit", definition=NEW_DEFINITION)
    reviewer = Client()
    login(reviewer, "reviewer")
    decide(reviewer, term, "reject", comment="出典を確認してください。")

    term.refresh_from_db()
    assert term.current_workflow_state.status == "needs_changes"
    html = client.get(term_url("edit", term.pk)).content.decode()
    assert "出典を確認してください。" in html


def test_forged_publish_of_a_term_is_refused(client, term):
    login(client, "editor-joho")
    response = edit_term(client, term, "action-publish", definition=NEW_DEFINITION)
    assert response.status_code == 403
    assert NEW_DEFINITION not in glossary_text(client)


def test_a_new_term_stays_hidden_until_approved(client):
    login(client, "reviewer")
    html = client.get(term_url("add")).content.decode()
    data = {
        **form_data(html, "form[method=post]"),
        "term": "審査中の用語",
        "section": "さ行",
        "definition": "まだ公開されていない用語です。",
        "action-submit": "1",
    }
    assert client.post(term_url("add"), data).status_code == 302
    term = GlossaryTerm.objects.get(term="審査中の用語")
    assert not term.live
    assert "審査中の用語" not in glossary_text(client)
    search = client.get("/ja/search/", {"q": "審査中の用語"}).content.decode()
    assert "まだ公開されていない用語です。" not in search
    assert "審査中の用語" not in client.get("/ja/open-data/plan.json").content.decode()

    assert outcome(decide(client, term, "approve")) == DENIED  # four eyes: not its author
    term.refresh_from_db()
    assert not term.live
    admin = Client()
    login(admin, "admin")
    decide(admin, term, "approve")
    assert "審査中の用語" in glossary_text(client)
