from django.apps import AppConfig


class FontsConfig(AppConfig):
    """No models, so no verbose name: the app shows nowhere in the admin."""

    name = "fonts"

    def ready(self):
        from wagtail.signals import page_published

        from fonts.signals import queue_rebuild_on_publish

        page_published.connect(queue_rebuild_on_publish, dispatch_uid="fonts.rebuild")
