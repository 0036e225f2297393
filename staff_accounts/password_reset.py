"""How often a password-reset mail may be asked for: per address and per client, an hour."""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60 * 60


def _key(kind, value):
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()
    return f"password-reset:{kind}:{digest}"


def allow(email, client_address):
    """True, and counted, when neither the address nor the client has used up its hour."""
    keys = [_key("email", email), _key("client", client_address or "")]
    if any(cache.get(key, 0) >= settings.PASSWORD_RESET_RATE_LIMIT for key in keys):
        return False
    for key in keys:
        if not cache.add(key, 1, WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, WINDOW_SECONDS)
    return True
