"""Records staff-account events in the audit log (AuditEvent), from the signals that announce them.

Sign-ins, failures and sign-outs come with their request; a change of groups, permissions or
status is made inside some request (the admin's user editor) or by a command, so the request is
read from django-simple-history's middleware, which keeps the current one for its own records.
"""

from axes.helpers import get_client_ip_address
from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver
from simple_history.models import HistoricalRecords

from staff_accounts.models import AuditEvent, AuditKind

User = get_user_model()
WATCHED_STATUS = {
    "is_superuser": "管理者",
    "is_staff": "スタッフ",
    "is_active": "有効",
}


def _current_request():
    return getattr(HistoricalRecords.context, "request", None)


def record(kind, *, request=None, user=None, username="", detail=""):
    """Adds one event; the actor and address are the request's, when there is one."""
    actor = None
    address = None
    if request is not None:
        address = get_client_ip_address(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            actor = request.user
    return AuditEvent.objects.create(
        kind=kind,
        user=user,
        username=username or (user.get_username() if user else ""),
        actor=actor,
        ip_address=address,
        detail=detail[:500],
    )


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    record(AuditKind.LOGIN, request=request, user=user)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(AuditKind.LOGOUT, request=request, user=user)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    username = credentials.get("username", "")
    user = User.objects.filter(username=username).first() if username else None
    record(AuditKind.LOGIN_FAILED, request=request, user=user, username=username)


@receiver(user_locked_out)
def _locked_out(sender, request, username, ip_address, **kwargs):
    user = User.objects.filter(username=username).first() if username else None
    record(
        AuditKind.LOCKED_OUT,
        request=request,
        user=user,
        username=username or "",
        detail=f"ロックされた接続元: {ip_address}",
    )


def _names(model, pks):
    if model is Permission:
        rows = model.objects.filter(pk__in=pks).select_related("content_type")
        return ", ".join(sorted(f"{p.content_type.app_label}.{p.codename}" for p in rows))
    return ", ".join(sorted(model.objects.filter(pk__in=pks).values_list("name", flat=True)))


def _membership_changed(kind, model, instance, action, pk_set, reverse):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if reverse:  # group.user_set.add(user, …): the instance is the group or permission
        users = User.objects.filter(pk__in=pk_set or [])
        pk_set = {instance.pk}
        model = type(instance)
    else:
        users = [instance]
    for user in users:
        if action == "pre_clear":
            current = user.groups if kind == AuditKind.GROUPS_CHANGED else user.user_permissions
            pk_set = set(current.values_list("pk", flat=True))
            if not pk_set:
                continue
        verb = "追加" if action == "post_add" else "削除"
        record(
            kind,
            request=_current_request(),
            user=user,
            detail=f"{verb}: {_names(model, pk_set)}",
        )


@receiver(m2m_changed, sender=User.groups.through)
def _groups_changed(sender, instance, action, pk_set, reverse, **kwargs):
    _membership_changed(AuditKind.GROUPS_CHANGED, Group, instance, action, pk_set, reverse)


@receiver(m2m_changed, sender=User.user_permissions.through)
def _permissions_changed(sender, instance, action, pk_set, reverse, **kwargs):
    _membership_changed(
        AuditKind.PERMISSIONS_CHANGED, Permission, instance, action, pk_set, reverse
    )


def _status_saved(update_fields):
    return update_fields is None or bool(set(update_fields) & set(WATCHED_STATUS))


@receiver(pre_save, sender=User)
def _remember_status(sender, instance, update_fields=None, **kwargs):
    if instance.pk and _status_saved(update_fields):
        instance._audit_status_before = (
            User.objects.filter(pk=instance.pk).values(*WATCHED_STATUS).first()
        )


@receiver(post_save, sender=User)
def _status_changed(sender, instance, created, update_fields=None, **kwargs):
    if created:  # a new account is recorded when it starts with more than an editor's rights
        changed = [field for field in ("is_superuser", "is_staff") if getattr(instance, field)]
    else:
        before = getattr(instance, "_audit_status_before", None) or {}
        changed = [f for f in before if before[f] != getattr(instance, f)]
    instance._audit_status_before = None
    if changed:
        detail = "、".join(
            f"{WATCHED_STATUS[f]}: {'はい' if getattr(instance, f) else 'いいえ'}" for f in changed
        )
        record(AuditKind.STATUS_CHANGED, request=_current_request(), user=instance, detail=detail)
