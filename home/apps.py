from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("ホーム")

    def ready(self):
        from wagtail.signals import page_published

        from home.fonts import queue_rebuild_on_publish

        page_published.connect(queue_rebuild_on_publish, dispatch_uid="home.fonts.rebuild")
