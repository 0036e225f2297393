"""What a page shows, per face and weight, as the font cutting reads it from the HTML."""

import re

from django.conf import settings

from fonts.shown import _TextCollector, shown_characters

STYLESHEET = settings.BASE_DIR / "assets" / "css" / "site.css"
BOLD_RULE = re.compile(r"([^{}]+)\{[^}]*font-weight:\s*(?:bold|[6-9]00)", re.S)


def test_text_is_read_per_language_and_weight():
    shown = shown_characters(
        '<html lang="ko"><body><p>한국어 <span lang="ja">小山市</span></p>'
        '<h1>제목</h1><a lang="vi">Tiếng Việt</a><td data-label="표"></td></body></html>'
    )

    assert shown.get("notosanskr", 400) == set("한국어제목표")
    assert shown.get("notosanskr", 700) == set("제목표")
    assert shown.get("udpgothic", 400) == set("小山市")
    assert shown.get("notosans", 400) == set("TiếngViệt")


def test_every_bold_rule_of_the_stylesheet_is_read_as_bold():
    """A selector the collector does not read as bold leaves its text out of the bold cuts."""
    collector = _TextCollector
    unread = []
    css = re.sub(r"/\*.*?\*/", "", STYLESHEET.read_text(encoding="utf-8"), flags=re.S)
    for selectors in BOLD_RULE.findall(css):
        for selector in selectors.split(","):
            subject = selector.split()[-1]  # the compound selector the rule styles
            element = re.match(r"[a-z][a-z0-9]*", subject)
            classes = set(re.findall(r"\.([\w-]+)", subject))
            attributes = set(re.findall(r"\[([\w-]+)", subject)) | set(
                re.findall(r"attr\(([\w-]+)\)", css[css.index(selector) :].split("}")[0])
            )
            if not (
                (element and element.group(0) in collector.BOLD_ELEMENTS)
                or classes & collector.BOLD_CLASSES
                or attributes & {"aria-current", "aria-pressed", *collector.BOLD_ATTRIBUTES}
            ):
                unread.append(selector.strip())

    assert unread == []
