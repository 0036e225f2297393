from django.db import models


class Heartbeat(models.Model):
    """When a scheduled job last ran (beat's own heartbeat is "beat"), for /healthz."""

    name = models.CharField("名前", max_length=50, unique=True)
    last_run = models.DateTimeField("最終実行日時")

    class Meta:
        verbose_name = "定期実行の記録"
        verbose_name_plural = "定期実行の記録"

    def __str__(self):
        return f"{self.name}: {self.last_run.isoformat()}"
