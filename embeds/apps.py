from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmbedsConfig(AppConfig):
    """Parts of the site the city may show on its own pages in an iframe."""

    name = "embeds"
    verbose_name = _("埋め込み")
