import pytest
from django.core.cache import cache

from search.synonyms import CACHE_KEY


@pytest.fixture(autouse=True)
def fresh_synonym_map():
    """Each test reads the synonyms of its own database state, not a cached earlier one."""
    cache.delete(CACHE_KEY)
    yield
    cache.delete(CACHE_KEY)
