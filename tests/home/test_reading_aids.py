"""The reading aids without JavaScript: each toggle posts, the choice is kept in a cookie, and the
visitor is sent back to the control they pressed. Public pages carry no CSRF token."""

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
    control = f"reading-aid-{name}-{value}".replace("_", "-")
    assert response.headers["Location"] == f"/ja/measures/1/#{control}"
    assert response.cookies[name].value == value
    assert response.cookies[name]["samesite"] == "Lax"
    assert page.html["class"] == [html_class]
    button = page.select_one(f"button[name={name}][value={value}]")
    assert button["aria-pressed"] == "true" and button["id"] == control


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

    assert response.headers["Location"] == "/#reading-aid-text-size-large"


def test_only_posts_change_anything(client, db):
    assert client.get("/reading-aids/?text_size=large").status_code == 405


def test_the_page_has_the_button_the_visitor_is_sent_back_to(client, db):
    response = client.post("/reading-aids/", {"furigana": "on", "next": "/ja/glossary/#term-ai"})
    assert response.headers["Location"] == "/ja/glossary/#reading-aid-furigana"
    page = BeautifulSoup(client.get("/ja/glossary/").content, "html.parser")
    button = page.select_one("#reading-aid-furigana")
    assert button.name == "button" and button["name"] == "furigana"
    assert button.find_parent("details", class_="reading-aids") is not None


@pytest.mark.parametrize("url", ["/ja/", "/en/measures/6/", "/ja/glossary/", "/ja/search/?q=AI"])
def test_public_pages_carry_no_csrf_token_or_cookie(client, db, url):
    response = client.get(url)
    assert b"csrfmiddlewaretoken" not in response.content
    assert "csrftoken" not in response.cookies
    assert "sessionid" not in response.cookies


def test_a_toggle_needs_no_csrf_token(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/reading-aids/", {"text_size": "large", "next": "/ja/"})
    assert response.status_code == 302
