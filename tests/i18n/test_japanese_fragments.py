"""Japanese names kept inside a translation are marked lang="ja"; interface words are not."""

import pytest
from django.utils.translation import override

from translations.fragments import mark_japanese


@pytest.mark.parametrize(
    ("text", "language_code", "html"),
    [
        ("Mynaportal (マイナポータル)", "en", 'Mynaportal (<span lang="ja">マイナポータル</span>)'),
        ("FY2022 (令和4年度)", "pt-br", 'FY2022 (<span lang="ja">令和4年度</span>)'),
        ("儿童科（こども課）", "zh-hans", '儿童科（<span lang="ja">こども課</span>）'),
        ("信息（情報政策）", "zh-hans", "信息（情報政策）"),  # Han in brackets may be Chinese
        (
            "MaaS（出行即服务，マース: Mobility as a Service）",
            "zh-hans",
            'MaaS（出行即服务，<span lang="ja">マース</span>: Mobility as a Service）',
        ),
        ("A < B", "en", "A &lt; B"),
        ("マイナポータル", "ja", "マイナポータル"),
    ],
)
def test_japanese_fragments_are_marked(text, language_code, html):
    assert str(mark_japanese(text, language_code)) == html


@pytest.mark.django_db
def test_the_korean_glossary_marks_its_japanese_and_groups_by_consonant(client):
    with override("ko"):
        html = client.get("/ko/glossary/").content.decode()
    assert '<h2 id="section-1">ㄱ</h2>' in html
    assert '가상화 기반(<span lang="ja">仮想化基盤</span>)' in html
    assert "あ行" not in html and "a행" not in html.lower()


@pytest.mark.django_db
def test_a_translated_term_shows_the_japanese_term_with_its_reading(client):
    html = client.get("/en/glossary/").content.decode()
    assert '<span class="glossary__source" lang="ja">' in html
    assert "<rt>じんこうちのう</rt>" in html
