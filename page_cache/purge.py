"""Generations of the cached paths, and purging them in Django's cache and the frontend caches."""

import hashlib
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache
from wagtail.models import Site

GENERATION_PREFIX = "page_cache:generation:"


def _generation_key(path):
    return GENERATION_PREFIX + hashlib.sha256(path.encode()).hexdigest()


def _new_token():
    # Never a counter: a generation evicted from the cache and started again from 0 would
    # bring back the pages stored under the old 0.
    return secrets.token_hex(8)


def generation(path):
    """The current generation of a path, made on first use (the first request that asks wins)."""
    key = _generation_key(path)
    token = cache.get(key)
    if token is None:
        cache.add(key, _new_token(), timeout=None)
        token = cache.get(key)
    return token


def purge(urls):
    """Make every cached answer for these URLs' paths (any query) stale, here and in the frontend
    caches. URLs are paths (/ja/measures/6/) or absolute; queries are ignored."""
    paths = sorted({urlsplit(url).path for url in urls})
    if not paths:
        return
    cache.set_many({_generation_key(path): _new_token() for path in paths}, timeout=None)
    if get_backends():
        root = _site_root_url()
        purge_urls_from_cache([root + path for path in paths])


def caching():
    """Whether any cache keeps pages: Django's (PAGE_CACHE_SECONDS) or a frontend one."""
    return settings.PAGE_CACHE_SECONDS > 0 or bool(get_backends())


def purge_on_commit(affected_urls):
    """purge() the URLs affected_urls() returns, once the current transaction commits (at once
    outside one). They are found now: a move's old URLs are gone after it. Nothing is looked
    up where no cache keeps pages (the test suite, an import without a cache)."""
    if not caching():
        return
    urls = list(affected_urls())
    transaction.on_commit(lambda: purge(urls))


def _site_root_url():
    """The public origin the frontend caches know the pages by: the default Wagtail site's."""
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""
