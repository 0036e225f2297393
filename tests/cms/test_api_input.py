"""Wagtail's read API answers bad query values with a client error or an empty page, never 500."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db


def test_an_offset_past_the_last_page_is_an_empty_page(client):
    for offset in ["100000", "9" * 40]:
        response = client.get(f"/api/v2/pages/?offset={offset}")
        assert response.status_code == 200
        assert response.json()["items"] == []
        assert response.json()["meta"]["total_count"] > 0


def test_an_offset_within_the_pages_still_pages(client):
    first_two = client.get("/api/v2/pages/?limit=2").json()["items"]
    second = client.get("/api/v2/pages/?limit=1&offset=1").json()["items"]
    assert second == first_two[1:]


@pytest.mark.parametrize("value", ["abc", "1.5", "%FF%FE"])  # NUL: tests/cms/test_nul_characters.py
def test_find_with_an_id_that_is_no_number_is_a_bad_request(client, value):
    response = client.get(f"/api/v2/pages/find/?id={value}")
    assert response.status_code == 400
    assert response.json() == {"message": "id must be an integer"}


def test_find_with_a_page_id_still_finds_it(client, home_page):
    response = client.get(f"/api/v2/pages/find/?id={home_page.pk}")
    assert response.status_code == 302
    assert urlsplit(response.url).path == f"/api/v2/pages/{home_page.pk}/"


@pytest.mark.parametrize("value", ["1", "%FF", "2026-13-45"])
def test_a_field_filter_with_a_value_its_field_cannot_hold_is_a_bad_request(client, value):
    response = client.get(f"/api/v2/pages/?first_published_at={value}")
    assert response.status_code == 400
    assert response.json()["message"].startswith("field filter error")


def test_a_field_filter_still_filters(client, home_page):
    response = client.get(f"/api/v2/pages/?slug={home_page.slug}")
    assert [item["id"] for item in response.json()["items"]] == [home_page.pk]


def test_a_search_past_its_last_result_is_an_empty_page(client):
    found = client.get("/api/v2/pages/?search=農業").json()
    assert found["items"]
    response = client.get(f"/api/v2/pages/?search=農業&offset={'9' * 40}")
    assert response.status_code == 200
    assert response.json() == {"meta": found["meta"], "items": []}
