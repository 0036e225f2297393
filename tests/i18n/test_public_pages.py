"""Every public page in every language: the right <html lang>, a language switcher that leads
to the same page in the other languages, alternate links, and / choosing the visitor's language."""

import pytest

from tests.i18n.conftest import LANGUAGES

NAMES = {
    "ja": "日本語",
    "en": "English",
    "pt-br": "Português",
    "es": "Español",
    "zh-hans": "简体中文",
    "ko": "한국어",
    "vi": "Tiếng Việt",
}
PATHS = [
    "",
    "measures/",
    *[f"measures/{n}/" for n in range(1, 25)],
    "glossary/",
    "open-data/",
    "search/?q=DX",
    "accessibility/",
    "accessibility/results/",
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_answers_in_its_language_with_a_switcher(soup_of, db, language):
    for path in PATHS:
        url = f"/{language}/{path}"
        soup = soup_of(url)
        assert soup.html["lang"] == language, url
        links = soup.select("nav.language-switcher a")
        assert [a["hreflang"] for a in links] == LANGUAGES, url
        for link in links:
            code = link["hreflang"]
            assert link["lang"] == code
            assert link.get_text(strip=True) == NAMES[code]
            assert link["href"].endswith(f"/{code}/{path}"), (url, link["href"])
            assert (link.get("aria-current") == "true") == (code == language)
        alternates = {a["hreflang"]: a["href"] for a in soup.select('link[rel="alternate"]')}
        assert set(alternates) == {*LANGUAGES, "x-default"}, url
        assert alternates["x-default"] == alternates["ja"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_data_files_answer_in_every_language(client, db, language):
    for name in ("plan.json", "plan.csv", "plan.schema.json"):
        assert client.get(f"/{language}/open-data/{name}").status_code == 200


def test_switcher_leaves_out_languages_the_page_does_not_exist_in(soup_of, measure):
    from wagtail.models import Locale

    measure(8).get_translation(Locale.objects.get(language_code="es")).unpublish()
    links = soup_of("/ja/measures/8/").select("nav.language-switcher a")
    assert "es" not in [a["hreflang"] for a in links]
    assert "es" in [
        a["hreflang"] for a in soup_of("/ja/measures/9/").select(".language-switcher a")
    ]


def test_not_found_page_is_in_the_visitors_language(client, db):
    response = client.get("/en/measures/99/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Page not found" in html


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("pt-BR,pt;q=0.9", "/pt-br/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("ko", "/ko/"),
        ("vi-VN", "/vi/"),
        ("es-MX,es;q=0.8", "/es/"),
        ("en-GB,en;q=0.5", "/en/"),
        ("fr-FR,fr;q=0.9", "/ja/"),
        ("", "/ja/"),
    ],
)
def test_root_sends_visitors_to_their_language(client, db, accept, expected):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE=accept).headers["Location"] == expected
