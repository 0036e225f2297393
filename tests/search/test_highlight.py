"""Result snippets and highlights, on their own."""

from search.analysis import analyse_query
from search.highlight import highlight, snippet


def test_variants_typed_highlight_the_words_written():
    html = highlight("テレワークとマイナンバーカード", analyse_query("ﾃﾚﾜｰｸ まいなんばー"))
    assert html == "<mark>テレワーク</mark>と<mark>マイナンバー</mark>カード"


def test_an_english_stem_highlights_the_whole_word():
    assert highlight("Security cameras", analyse_query("camera")) == "Security <mark>cameras</mark>"


def test_synonyms_are_highlighted_and_text_is_escaped():
    terms = analyse_query("在宅勤務", {"在宅勤務": ["テレワーク"]})
    assert highlight("<b>テレワーク</b>", terms) == "&lt;b&gt;<mark>テレワーク</mark>&lt;/b&gt;"


def test_the_snippet_is_cut_around_the_first_match_of_the_first_text_that_has_one():
    texts = ["関係のない文。", "前置き" * 30 + "オープンデータを公開します。" + "後書き" * 60]
    html = snippet(texts, analyse_query("オープンデータ"))
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>オープンデータ</mark>" in html
    assert len(html) < 200


def test_without_a_match_the_snippet_is_the_start_of_the_first_text():
    assert snippet(["市の取り組み"], analyse_query("ほげ")) == "市の取り組み"
