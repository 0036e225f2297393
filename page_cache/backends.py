"""The frontend cache backend for the shipped proxy (deploy/nginx/)."""

from concurrent.futures import ThreadPoolExecutor

from wagtail.contrib.frontend_cache.backends import HTTPBackend

# A publish purges some eighty URLs (the measure in seven languages, the lists, the home pages,
# the glossary, open data…); one PURGE after another took about a second, several at a time
# take a fraction of it. nginx answers each from its own worker without waiting on the others.
PURGES_AT_ONCE = 8


class ProxyBackend(HTTPBackend):
    """Wagtail's HTTP PURGE backend, purging a batch several URLs at a time."""

    def purge_batch(self, urls):
        with ThreadPoolExecutor(max_workers=PURGES_AT_ONCE) as pool:
            list(pool.map(self.purge, urls))
