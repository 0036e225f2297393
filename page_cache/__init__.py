"""The page cache: public pages answered from the cache, purged exactly when their content changes.

Citizens read published pages that change a few times a year, so an anonymous GET of a public
page (under a language prefix) is answered from Django's cache (`middleware`), and in front of
the site from nginx's proxy cache (deploy/nginx/) or a CDN. A page is cached per path, query,
language, host and reading-aid cookies (text size, colours, ふりがな), with its headers (CSP…).

Invalidation is exact rather than timed: each path has a generation token, part of its cache
keys; `purge.purge(urls)` gives each path a new one (so every query variant of it falls at
once) and sends the URLs to Wagtail's frontend cache (PURGE to nginx, or a CDN's API). What a
change touches is `affected`; `signals` calls the purge after the change's transaction commits:
publish, unpublish, move, glossary terms and departments saved or deleted, a reporting round
closed, fonts re-cut. A request that started before a purge stores what it rendered under the
old generation, which nobody reads again, so Django's cache never keeps a stale page; nginx
may keep one for PROXY_CACHE_SECONDS in that race.
"""
