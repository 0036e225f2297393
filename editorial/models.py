"""The outbox of notification mails: one row per mail and recipient, sent at most once.

Operators read it in the database or the shell (no admin view), so its names are not translated.
"""

from django.db import models


class MailStatus(models.TextChoices):
    PENDING = "pending", "未送信"
    SENT = "sent", "送信済み"
    FAILED = "failed", "送信失敗"


class OutgoingMail(models.Model):
    """A notification mail to one recipient, recorded in the transaction that causes it.

    The key names what the mail is about and for whom (e.g. the task state and the reviewer), so
    a second recording of the same notification finds the row instead of adding one, and the
    Celery task that delivers it sends nothing once the row says it was sent.
    """

    key = models.CharField("重複防止キー", max_length=200, unique=True)
    to = models.EmailField("宛先")
    subject = models.CharField("件名", max_length=500)
    body = models.TextField("本文")
    status = models.CharField(
        "状態", max_length=10, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    attempts = models.PositiveIntegerField("送信試行回数", default=0)
    last_error = models.TextField("最後のエラー", blank=True)
    created_at = models.DateTimeField("作成日時", auto_now_add=True)
    sent_at = models.DateTimeField("送信日時", null=True, blank=True)

    class Meta:
        verbose_name = "送信メール"
        verbose_name_plural = "送信メール"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.to}: {self.subject}"
