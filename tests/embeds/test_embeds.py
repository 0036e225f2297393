"""Embeds for the city's own site: framable by the configured hosts only; Open Graph on measures."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings


@override_settings(EMBED_ALLOWED_HOSTS=["https://www.city.example.jp"])
@pytest.mark.parametrize(
    "url", ["/ja/embed/measures/8/", "/en/embed/progress/", "/ja/embed/progress/?by=department"]
)
def test_embeds_may_be_framed_by_the_city_only(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    directives = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )
    assert directives["frame-ancestors"] == "'self' https://www.city.example.jp"
    assert directives["script-src"] == "'self'"
    assert "X-Frame-Options" not in response


def test_the_rest_of_the_site_may_not_be_framed(client, db):
    assert client.get("/ja/measures/8/")["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}


def test_measure_card_shows_the_evaluation_and_links_out_of_the_frame(client, db):
    soup = BeautifulSoup(client.get("/ja/embed/measures/8/").content, "html.parser")
    link = soup.h1.a
    assert link["target"] == "_top"
    assert link["href"].endswith("/ja/measures/8/")
    assert "少し遅延" in soup.find(class_="trend").get_text()


def test_progress_embed_has_the_home_page_figures(client, db):
    soup = BeautifulSoup(client.get("/ja/embed/progress/").content, "html.parser")
    assert soup.find("svg", role="img").title.get_text() == "計画通り 21件、少し遅延 2件、遅延 1件"
    departments = BeautifulSoup(
        client.get("/ja/embed/progress/?by=department").content, "html.parser"
    )
    assert departments.find("th", scope="col").get_text() == "主管課"


def test_unknown_measure_card_is_a_404(client, db):
    assert client.get("/ja/embed/measures/99/").status_code == 404


def test_measure_page_has_open_graph_metadata(client, db):
    soup = BeautifulSoup(client.get("/en/measures/6/").content, "html.parser")
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:type"] == "article"
    assert og["og:title"].startswith("6. ")
    assert og["og:url"].endswith("/en/measures/6/")
    assert og["og:description"]
