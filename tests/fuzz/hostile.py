"""The hostile values the fuzz tests send, and what they share: the named URL patterns and the
no-5xx check.

Values that break naive handling: quotes and the full-text search operators (SQLite FTS5),
SQL, 10 kB strings, a NUL and a lone surrogate (sent percent-encoded, as a browser would),
emoji with joiners.
"""

from urllib.parse import quote, urlsplit

from django.urls import URLPattern, URLResolver

# name → the value as it goes into the query string (already percent-encoded)
HOSTILE = {
    "double-quote": quote('"'),
    "unbalanced-quote": quote('"スマート農業'),
    "single-quote": quote("'"),
    "and": quote("AND"),
    "star": quote("*"),
    "near": quote("NEAR("),
    "column-filter": quote("title:農業 OR -"),
    "sql": quote("' OR 1=1--"),
    "long-ascii": "a" * 10_240,
    "long-japanese": quote("農業" * 1_800),
    "nul": "%00",
    "lone-surrogate": "%ED%A0%80",
    "bad-utf8": "%FF%FE",
    "emoji": quote("👨‍👩‍👧🏯"),
    "negative-number": "-1",
    "huge-number": "9" * 40,
}

# What a filter that is chosen, not typed (a select, a date, a checkbox), gets: the full-text
# operators and quotes matter only where text is searched.
HOSTILE_CHOICES = ["single-quote", "long-ascii", "nul", "bad-utf8", "lone-surrogate"]
HOSTILE_CHOICES += ["negative-number", "huge-number"]


def named_patterns(patterns, namespace="", prefix=""):
    """(name with namespaces, converters' names, route prefix) of every named URL pattern."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_patterns(pattern.url_patterns, inner, route)
        elif isinstance(pattern, URLPattern) and pattern.name:
            arguments = set(getattr(pattern.pattern, "converters", {})) | set(
                pattern.pattern.regex.groupindex
            )
            if pattern.pattern.regex.groups and not pattern.pattern.regex.groupindex:
                arguments.add("*")  # unnamed groups: nothing to fill them with
            yield f"{namespace}{pattern.name}", arguments, route


def with_parameter(url, parameter, value):
    separator = "&" if urlsplit(url).query else "?"
    return f"{url}{separator}{parameter}={value}"


def assert_no_server_error(client, url, parameter, value):
    response = client.get(with_parameter(url, parameter, value))
    assert response.status_code < 500, (url, parameter, response.status_code)
