"""The yearly reporting round (進捗報告の依頼): which measures report on a fiscal year, by when."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from measures.fiscal_years import fiscal_year_label
from measures.models.content import FISCAL_YEAR_VALIDATORS


class RoundStatus(models.TextChoices):
    OPEN = "open", _("受付中")
    CLOSED = "closed", _("締切済み")


class ReportingRound(models.Model):
    """One fiscal year's round: opened by the division, reported by departments, then closed."""

    fiscal_year = models.PositiveSmallIntegerField(
        _("報告対象年度"), unique=True, validators=FISCAL_YEAR_VALIDATORS
    )
    opened_on = models.DateField(_("開始日"), default=timezone.localdate)
    due_date = models.DateField(_("提出期限"))
    status = models.CharField(
        _("状態"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    measures = models.ManyToManyField(
        "measures.MeasurePage", verbose_name=_("対象の施策"), related_name="reporting_rounds"
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("開始した人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("締切日時"), null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[measures])

    class Meta:
        verbose_name = _("報告の依頼")
        verbose_name_plural = _("報告の依頼")
        ordering = ["-fiscal_year"]
        permissions = [("manage_reportinground", _("報告の依頼を開始・締切できる"))]

    def __str__(self):
        return fiscal_year_label(self.fiscal_year)

    @property
    def is_open(self):
        return self.status == RoundStatus.OPEN

    def is_overdue(self, today=None):
        return self.is_open and (today or timezone.localdate()) > self.due_date


class SentReminder(models.Model):
    """One reminder or digest a person was sent, so that none is sent twice.

    key names the reminder ("round-<id>-<due date>-due-14", "digest-<date>"): unique per
    person, which keeps a retried or restarted beat run from sending it again; sent_on keeps
    mails to one a day.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_reminders"
    )
    key = models.CharField(max_length=80)
    round = models.ForeignKey(ReportingRound, null=True, blank=True, on_delete=models.CASCADE)
    sent_on = models.DateField()
    subject = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("送信したお知らせ")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="reminder_once_per_user")
        ]
        indexes = [models.Index(fields=["user", "sent_on"])]

    def __str__(self):
        return f"{self.sent_on} {self.subject}"
