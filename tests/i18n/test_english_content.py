"""/en/ reads as a finished English site: every field of every measure in English, no Japanese
interface text, nothing marked as untranslated."""

import json
import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from translations.fragments import JAPANESE_RUN
from translations.importer import CONTENT_DIR

EN_CONTENT = CONTENT_DIR / "en"
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
# Proper nouns keep their Japanese in brackets: "Information Policy Division (情報政策課)".
BRACKETED_JAPANESE = re.compile(
    r"[（(「『\"“][^()（）]*?[\u3040-\u30ff\u3400-\u9fff][^()（）]*?[)）」』\"”]"
)


def english_measure(number):
    return json.loads((EN_CONTENT / "measures" / f"{number:02d}.json").read_text("utf-8"))


def squeezed(text):
    return re.sub(r"\s+", "", text)


def visible_text(soup):
    body = soup.body
    for element in body.select("[lang]:not([lang=en])"):
        element.decompose()  # the switcher's links name each language in its own script
    # The public change history quotes the notes editors wrote when publishing; the workflow
    # records them in the language they were written in.
    for element in body.select(".change-history"):
        element.decompose()
    for hidden in body(["script", "style"]):
        hidden.decompose()
    return body.get_text(" ")


def quoted_names_only(main):
    """Every lang="ja" element is a Japanese name quoted in the translation (one run of Japanese
    script) or the Japanese term a glossary entry translates; none is a paragraph left in
    Japanese."""
    marked = [
        element.get_text()
        for element in main.select('[lang="ja"]')
        if "glossary__source" not in element.get("class", [])
    ]
    unexpected = [text for text in marked if not JAPANESE_RUN.fullmatch(text)]
    assert unexpected == []
    return True


def english_values(data):
    yield data["title"]
    yield from data["policy_areas"]
    for name in ("related_plan", "situation", "content", "expected_effects"):
        yield from data[name].split("\n\n")
    yield from (i["text"] for i in data["initiatives"])
    yield from data["plan"].values()
    yield from data["actual"].values()
    for report in data["reports"]:
        for name in ("achievements", "issues", "reason"):
            yield from report[name].split("\n\n")


@pytest.mark.parametrize("number", range(1, 25))
def test_english_measure_page_is_english_in_every_field(client, db, number):
    soup = BeautifulSoup(client.get(f"/en/measures/{number}/").content, "html.parser")
    page_text = squeezed(soup.get_text(" "))
    for value in english_values(english_measure(number)):
        assert squeezed(value) in page_text, value
    # Nothing stands in for a missing translation: the only Japanese is the names the
    # translation quotes, each marked as one fragment.
    assert soup.select(".translation-notice") == []
    assert quoted_names_only(soup.main)
    leftover = BRACKETED_JAPANESE.sub("", visible_text(soup))
    assert not JAPANESE.search(leftover), leftover[
        max(0, JAPANESE.search(leftover).start() - 60) :
    ][:120]


def test_english_measure_page_has_english_interface(client, db):
    text = client.get("/en/measures/8/").content.decode()
    for heading in ("Current situation and issues", "Expected effects", "Main actions", "FY2022"):
        assert heading in text
    for japanese in ("現状・課題", "期待される効果", "令和4年度", "計画通り", "主管課"):
        assert japanese not in text


def japanese_interface_strings():
    """The catalogue's Japanese msgids, long enough not to occur inside bracketed names."""
    po = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    for entry in po:
        for piece in re.split(r"%\(\w+\)[sd]", entry.msgid):
            if len(piece) >= 4 and JAPANESE.search(piece):
                yield piece


@pytest.mark.parametrize("url", ["/en/", "/en/measures/", "/en/glossary/", "/en/open-data/"])
def test_english_section_pages_have_no_untranslated_text(client, db, url):
    """Glossary definitions quote Japanese names on purpose; the interface has none."""
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert quoted_names_only(soup.main)
    text = BRACKETED_JAPANESE.sub("", visible_text(soup))
    assert [s for s in japanese_interface_strings() if s in text] == []
