"""The synonym map the query analysis uses, built from the SynonymGroup snippets and cached."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from search.analysis import synonym_key
from search.models import SynonymGroup

CACHE_KEY = "search:synonym-map"


def build_synonym_map(groups) -> dict[str, list[str]]:
    """synonym_key of a word → the other words of its groups (one-way groups: first word only)."""
    found: dict[str, list[str]] = {}
    for terms, one_way in groups:
        sources = terms[:1] if one_way else terms
        for source in sources:
            targets = found.setdefault(synonym_key(source), [])
            targets += [t for t in terms if t != source and t not in targets]
    found.pop("", None)
    return found


def synonym_map() -> dict[str, list[str]]:
    return cache.get_or_set(CACHE_KEY, _load, None)


def _load():
    return build_synonym_map(
        (group.term_list, group.one_way) for group in SynonymGroup.objects.all()
    )


@receiver([post_save, post_delete], sender=SynonymGroup)
def forget_synonym_map(**kwargs):
    cache.delete(CACHE_KEY)
