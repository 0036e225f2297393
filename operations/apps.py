from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: its health check (/healthz), beat's heartbeat, backups and restores."""

    name = "operations"
    verbose_name = "運用"
