"""What every public page shows of the page tree, worked out once per change of the tree.

The header, footer and breadcrumbs link the home page's sections in the reader's language, the
language switcher links the page's translations, and finding the page a path names walks the
tree a level at a time: a dozen queries on every page, whose answer changes only when a page is
saved (published, unpublished, renamed, a draft saved), moved or deleted, or a site or locale
changes. Those answers are kept in Django's cache (shared by the site's processes) under the
tree's generation token, and every such change gives the tree a new token, so nothing worked out
before the change is read again.

The token changes at once, so that the change's own request sees it, and again when its
transaction commits: a request of another process that read the tree between the two has
stored its answer under the token that the commit retires.
"""

import hashlib
import secrets

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, Site
from wagtail.signals import post_page_move
from wagtail.url_routing import RouteResult

GENERATION_KEY = "page_cache:tree:generation"
MEMO_PREFIX = "page_cache:tree:memo:"
# A bound, not the invalidation: a memo outlives no change of the tree, whatever its age.
MEMO_SECONDS = 24 * 60 * 60


def generation():
    """The tree's current token, made on first use."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        token = cache.get(GENERATION_KEY)
    return token


def _memo_key(name):
    return f"{MEMO_PREFIX}{generation()}:{name}"


def memoised(name, compute):
    """compute()'s answer for this state of the tree; name says what it is of (site, language,
    page). The answer is kept in the cache, so it must pickle (strings, dicts, lists)."""
    key = _memo_key(name)
    answer = cache.get(key)
    if answer is None:
        answer = compute()
        cache.set(key, answer, MEMO_SECONDS)
    return answer


def route(root, request, path_components, walk):
    """Wagtail's routing from a home page (walk: its Page.route), the page a path leads to
    remembered by its type and id: found again in one query, where the walk takes two a level.
    Only live pages reached without route arguments are remembered; anything else (a path
    that leads nowhere raises Http404) is walked each time."""
    if not path_components:
        return walk(request, path_components)
    path = hashlib.sha256("/".join(path_components).encode()).hexdigest()  # any length, any text
    key = _memo_key(f"route:{root.pk}:{path}")
    found = cache.get(key)
    if found is not None:
        content_type_id, page_id = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=page_id, live=True).first()
        if page is not None:
            return RouteResult(page)
    result = walk(request, path_components)
    page, args, kwargs = result
    if page.live and not args and not kwargs:
        cache.set(key, (page.content_type_id, page.pk), MEMO_SECONDS)
    return result


def tree_changed():
    """Retire every memo, now and once the current transaction commits."""
    cache.set(GENERATION_KEY, secrets.token_hex(8), timeout=None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, secrets.token_hex(8), timeout=None))


def _page_saved_or_deleted(sender, **kwargs):
    if issubclass(sender, Page):
        tree_changed()


def _changed(sender, **kwargs):
    tree_changed()


def connect():
    post_save.connect(_page_saved_or_deleted, dispatch_uid="page_cache.tree.page_saved")
    post_delete.connect(_page_saved_or_deleted, dispatch_uid="page_cache.tree.page_deleted")
    post_page_move.connect(_changed, dispatch_uid="page_cache.tree.page_moved")
    for model in (Site, Locale):
        post_save.connect(_changed, sender=model, dispatch_uid=f"page_cache.tree.{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"page_cache.tree.{model.__name__}.deleted"
        )
