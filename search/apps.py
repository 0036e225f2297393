from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("検索")

    def ready(self):
        from search import synonyms  # noqa: F401 - connects the cache invalidation
