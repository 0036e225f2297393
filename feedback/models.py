"""Opinions citizens send about a measure (この施策についてのご意見).

A message and its optional reply address are personal data: they are shown only in the admin,
to the measure's departments and the supervising division, and purge_feedback deletes them
once FEEDBACK_RETENTION_DAYS have passed.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class FeedbackStatus(models.TextChoices):
    NEW = "new", _("未対応")
    ANSWERED = "answered", _("回答済み")
    CLOSED = "closed", _("完了")


class Feedback(models.Model):
    measure = models.ForeignKey(
        "measures.MeasurePage",
        verbose_name=_("施策"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    language = models.CharField(_("言語"), max_length=10)
    message = models.TextField(_("ご意見"))
    reply_to = models.EmailField(_("返信先のメールアドレス"), blank=True)
    status = models.CharField(
        _("状況"), max_length=10, choices=FeedbackStatus.choices, default=FeedbackStatus.NEW
    )
    staff_note = models.TextField(
        _("対応メモ"), blank=True, help_text=_("市の職員だけが見ます。回答の内容や経緯を書きます。")
    )
    received_at = models.DateTimeField(_("受付日時"), auto_now_add=True, db_index=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ご意見")
        verbose_name_plural = _("ご意見")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.measure.number}. {self.measure.title} ({self.received_at:%Y-%m-%d})"
