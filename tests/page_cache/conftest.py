import pytest
from django.core.cache import cache


@pytest.fixture
def page_cache(settings):
    """Django's page cache on, empty, for one test (tests otherwise run without it)."""
    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()
