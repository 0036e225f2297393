from django.apps import AppConfig


class FontsConfig(AppConfig):
    """No models, so no verbose name: the app shows nowhere in the admin."""

    name = "fonts"
