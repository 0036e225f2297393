from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: its health check (/healthz), beat's heartbeat, backups and restores, the
    load test, and queries that survive out-of-range integers."""

    name = "operations"
    verbose_name = "運用"

    def ready(self):
        from operations import lookups  # noqa: F401 - registers the integer __in lookup
