"""The reading aids without JavaScript: each toggle posts, the choice is kept in a cookie."""

import pytest
from bs4 import BeautifulSoup


@pytest.mark.parametrize(
    ("name", "value", "html_class"),
    [("text_size", "x-large", "text-x-large"), ("color_scheme", "blue", "scheme-blue")],
)
def test_a_choice_is_kept_and_applied(client, db, name, value, html_class):
    response = client.post("/reading-aids/", {name: value, "next": "/ja/measures/1/"})
    page = BeautifulSoup(client.get("/ja/measures/1/").content, "html.parser")

    assert response.status_code == 302
    assert response.headers["Location"] == "/ja/measures/1/"
    assert response.cookies[name].value == value
    assert response.cookies[name]["samesite"] == "Lax"
    assert page.html["class"] == [html_class]
    assert page.select_one(f"button[name={name}][value={value}]")["aria-pressed"] == "true"


def test_furigana_toggle_offers_the_opposite_choice(client, db):
    client.post("/reading-aids/", {"furigana": "on", "next": "/ja/"})
    page = BeautifulSoup(client.get("/ja/").content, "html.parser")
    toggle = page.select_one("button[name=furigana]")

    assert (toggle["value"], toggle["aria-pressed"]) == ("off", "true")


def test_defaults_without_cookies(client, db):
    page = BeautifulSoup(client.get("/ja/").content, "html.parser")
    pressed = [b["value"] for b in page.select(".reading-aids button[aria-pressed=true]")]

    assert not page.html.get("class")
    assert pressed == ["standard", "standard"]
    assert page.select_one(".read-aloud").has_attr("hidden")


@pytest.mark.parametrize(
    "data", [{"text_size": "huge"}, {"color_scheme": "pink"}, {"unknown": "1"}, {}]
)
def test_unknown_choices_are_refused(client, db, data):
    assert client.post("/reading-aids/", data).status_code == 400


def test_only_sends_back_to_this_site(client, db):
    response = client.post(
        "/reading-aids/", {"text_size": "large", "next": "https://evil.example/"}
    )

    assert response.headers["Location"] == "/"


def test_only_posts_change_anything(client, db):
    assert client.get("/reading-aids/?text_size=large").status_code == 405
