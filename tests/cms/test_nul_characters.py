"""A NUL character in a query parameter is answered with 400 on every database.

PostgreSQL refuses NUL in any text a query compares, so before the middleware a locale or a search
word holding one answered 500 there (and nothing was found on SQLite).
"""

import pytest

from tests.measures.workflow_steps import login

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/ja/search/?q=%00",
        "/ja/measures/?department=1%00",
        "/ja/?year=2023%00",
        "/en/?locale=%00",
        "/ja/?%00=1",
        "/api/v2/pages/find/?id=%00",
    ],
)
def test_public_pages_refuse_a_nul_character(client, url):
    assert client.get(url).status_code == 400


def test_admin_listings_refuse_a_nul_character(client):
    login(client, "reviewer")
    response = client.get("/admin/snippets/glossary/glossaryterm/?locale=%00")
    assert response.status_code == 400
    assert client.get("/admin/snippets/glossary/glossaryterm/?locale=ja").status_code == 200
