"""The audit log of staff accounts: who signed in or failed to, and who changed whose rights."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditKind(models.TextChoices):
    LOGIN = "login", _("ログイン")
    LOGIN_FAILED = "login_failed", _("ログインの失敗")
    LOCKED_OUT = "locked_out", _("ロックアウト")
    LOGOUT = "logout", _("ログアウト")
    TWO_FACTOR_ENROLLED = "two_factor_enrolled", _("二段階認証の設定")
    TWO_FACTOR_FAILED = "two_factor_failed", _("確認コードの誤り")
    PASSWORD_RESET = "password_reset", _("パスワード再設定の依頼")
    GROUPS_CHANGED = "groups_changed", _("グループの変更")
    PERMISSIONS_CHANGED = "permissions_changed", _("権限の変更")
    STATUS_CHANGED = "status_changed", _("管理者・スタッフ・有効の変更")


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField(_("日時"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("種類"), max_length=30, choices=AuditKind.choices, db_index=True)
    # The account concerned, kept by name too: a failed login may name no account, and the
    # record outlives a deleted user.
    username = models.CharField(_("ユーザー名"), max_length=150, blank=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("アカウント"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作した人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ip_address = models.GenericIPAddressField(_("IPアドレス"), null=True, blank=True)
    detail = models.CharField(_("内容"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("アカウントの監査記録")
        verbose_name_plural = _("アカウントの監査記録")
        ordering = ["-occurred_at", "-pk"]

    def __str__(self):
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.get_kind_display()} {self.username}"
