"""The OpenSearch/Elasticsearch index settings (no server here: the generated settings only)."""

import pytest

from search.engine import index_settings, seed_groups, synonym_rules


def analysis(settings):
    return settings["settings"]["analysis"]


def test_synonym_rules_are_in_solr_format():
    rules = synonym_rules(
        [(["wifi", "Wi-Fi", "無線LAN"], False), (["地震", "防災"], True), (["一つだけ"], False)]
    )
    assert rules == ["wifi, Wi-Fi, 無線LAN", "地震 => 地震, 防災"]


def test_rule_syntax_inside_a_term_cannot_break_the_rules():
    assert synonym_rules([(["a,b", "c=>d"], False)]) == ["a b, c d"]


@pytest.mark.parametrize(
    ("analyser", "tokenizer", "normaliser"),
    [
        ("kuromoji", "kuromoji_tokenizer", "kuromoji_baseform"),
        ("sudachi", "sudachi_tokenizer", "sudachi_normalizedform"),
    ],
)
def test_the_default_analyser_is_japanese(analyser, tokenizer, normaliser):
    settings = analysis(index_settings(seed_groups(), analyser))
    assert settings["tokenizer"]["japanese"]["type"] == tokenizer
    default = settings["analyzer"]["default"]
    assert default["tokenizer"] == "japanese"
    assert default["filter"][:2] == ["cjk_width", "lowercase"]
    assert normaliser in default["filter"]
    assert "plan_synonyms" not in default["filter"]  # synonyms at query time only


def test_the_search_analyser_applies_every_seeded_synonym_group():
    settings = analysis(index_settings(seed_groups()))
    assert "plan_synonyms" in settings["analyzer"]["default_search"]["filter"]
    synonyms = settings["filter"]["plan_synonyms"]
    assert synonyms["type"] == "synonym_graph"
    assert len(synonyms["synonyms"]) == len(seed_groups())
    assert "テレワーク, 在宅勤務, リモートワーク, テレワーク勤務" in synonyms["synonyms"]


def test_every_filter_the_analysers_use_is_built_in_or_defined():
    built_in = {
        "cjk_width",
        "lowercase",
        "kuromoji_baseform",
        "kuromoji_part_of_speech",
        "ja_stop",
        "kuromoji_stemmer",
        "sudachi_normalizedform",
        "sudachi_part_of_speech",
        "sudachi_ja_stop",
    }
    for analyser in ("kuromoji", "sudachi"):
        settings = analysis(index_settings(seed_groups(), analyser))
        used = {f for a in settings["analyzer"].values() for f in a["filter"]}
        assert used <= built_in | set(settings["filter"])


def test_an_unknown_analyser_is_refused():
    with pytest.raises(ValueError, match="unknown analyser"):
        index_settings(seed_groups(), "mecab")
