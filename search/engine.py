"""OpenSearch/Elasticsearch for a site that outgrows the database's search (SEARCH_URL).

The engine then analyses Japanese itself: a Japanese analyser (the kuromoji plugin, or the
sudachi plugin with SEARCH_ANALYSER=sudachi) in search mode splits compounds
(マイナンバーカード → マイナンバー + カード), folds widths and case (cjk_width, lowercase),
reduces words to their base or normalised form and drops the long vowel at a word's end
(サーバー = サーバ); the staff's synonym groups become a synonym_graph filter applied at query
time. AnalysedSearchField passes the raw text when SEARCH_URL is set, so nothing is analysed
twice.

The synonyms are read when the index is built (`manage.py update_index`): a change to a synonym
group applies to the engine at the next rebuild.

`index_settings` is plain data, unit-tested without a server; `SearchBackend` is what
WAGTAILSEARCH_BACKENDS names when SEARCH_URL is set (cms/settings/base.py).
"""

from __future__ import annotations

import os

from search.seed import SEED_SYNONYMS

ANALYSERS = ("kuromoji", "sudachi")


def seed_groups() -> list[tuple[list[str], bool]]:
    from search.models import split_terms

    return [(split_terms(terms), one_way) for terms, one_way in SEED_SYNONYMS]


def synonym_rules(groups) -> list[str]:
    """Solr-format rules: "a, b, c" for equivalents, "a => a, b" for a one-way group."""
    rules = []
    for terms, one_way in groups:
        terms = [_rule_safe(term) for term in terms if _rule_safe(term)]
        if len(terms) < 2:
            continue
        rules.append(f"{terms[0]} => {', '.join(terms)}" if one_way else ", ".join(terms))
    return rules


def _rule_safe(term: str) -> str:
    # "," and "=>" are the rule syntax; a term cannot contain them.
    return term.replace("=>", " ").replace(",", " ").strip()


def _japanese_chain(analyser: str) -> tuple[dict, list[str], dict]:
    """(tokenizer definition, token filters, extra filter definitions) of one plugin."""
    if analyser == "sudachi":
        return (
            {"type": "sudachi_tokenizer", "split_mode": "C", "discard_punctuation": True},
            [
                "sudachi_split",
                "sudachi_normalizedform",
                "sudachi_part_of_speech",
                "sudachi_ja_stop",
            ],
            {"sudachi_split": {"type": "sudachi_split", "mode": "search"}},
        )
    return (
        {"type": "kuromoji_tokenizer", "mode": "search", "discard_punctuation": True},
        ["kuromoji_baseform", "kuromoji_part_of_speech", "ja_stop", "kuromoji_stemmer"],
        {},
    )


def index_settings(groups, analyser: str = "kuromoji") -> dict:
    """The index settings: the Japanese analyser as the default, with synonyms at query time."""
    if analyser not in ANALYSERS:
        raise ValueError(f"unknown analyser {analyser!r}: use one of {', '.join(ANALYSERS)}")
    tokenizer, japanese_filters, extra_filters = _japanese_chain(analyser)
    index_filters = ["cjk_width", "lowercase", *japanese_filters, "english_stemmer"]
    return {
        "settings": {
            "analysis": {
                "tokenizer": {"japanese": tokenizer},
                "filter": {
                    **extra_filters,
                    "english_stemmer": {"type": "stemmer", "language": "english"},
                    "plan_synonyms": {
                        "type": "synonym_graph",
                        "synonyms": synonym_rules(groups),
                        "lenient": True,
                    },
                },
                "analyzer": {
                    "default": {"type": "custom", "tokenizer": "japanese", "filter": index_filters},
                    "default_search": {
                        "type": "custom",
                        "tokenizer": "japanese",
                        "filter": [*index_filters[:2], "plan_synonyms", *index_filters[2:]],
                    },
                },
            }
        }
    }


def _synonym_groups():
    """The staff's groups; the seed list while the database cannot be read (before migrate)."""
    from django.db import DatabaseError

    from search.models import SynonymGroup

    try:
        return [(group.term_list, group.one_way) for group in SynonymGroup.objects.all()]
    except DatabaseError:
        return seed_groups()


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    """Wagtail's Elasticsearch 8 backend (OpenSearch 2 with SEARCH_ENGINE=opensearch)."""
    if os.environ.get("SEARCH_ENGINE", "elasticsearch") == "opensearch":
        from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend as engine_backend
    else:
        from modelsearch.backends.elasticsearch8 import (
            Elasticsearch8SearchBackend as engine_backend,
        )
    params = dict(params)
    analyser = os.environ.get("SEARCH_ANALYSER", "kuromoji")
    params["INDEX_SETTINGS"] = index_settings(_synonym_groups(), analyser)
    return _ranking_class(engine_backend)(params)


def _ranking_class(base_class):
    from search.backends import RankedIdsMixin

    return type(f"Ranked{base_class.__name__}", (RankedIdsMixin, base_class), {})
