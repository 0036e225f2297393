"""wagtail.search as installed here: its save handler skips the saves that change nothing the
index holds (search.index.reindex_on_save)."""

from wagtail.search.apps import WagtailSearchAppConfig


class IndexUpdatesConfig(WagtailSearchAppConfig):
    """Installed in wagtail.search's place (INSTALLED_APPS): its handlers are connected in its
    own ready(), after every app listed before it, so the swap is made there."""

    default = False

    def ready(self):
        super().ready()
        from search.index import connect_reindexing

        connect_reindexing()
