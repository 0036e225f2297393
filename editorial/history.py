"""History of the measures and of the audited snippets.

- The public 更新履歴: a row per published update of a measure, with the editor's note.
- The admin history of a page: every revision and every workflow step in one timeline.
- The field history of models tracked by django-simple-history: who changed which field when.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_user_display_name
from wagtail.models import PageLogEntry

from measures.models import MeasureChangeNote
from measures.models.history import FIRST_PUBLICATION_NOTE

# Log actions that only say a revision was saved: the revision rows of the timeline show them.
REVISION_ACTIONS = {"wagtail.edit", "wagtail.create", "wagtail.revert"}


def record_publication(sender, instance, revision=None, **kwargs):
    """page_published: remember the update for the public 更新履歴, minor or not.

    The first publication reads 初版公開 unless the editor wrote otherwise. A later one made
    by nobody and without a note (an import run) is bookkeeping and stays out of the public list.
    """
    author = revision.user if revision else None
    first = not MeasureChangeNote.objects.filter(page=instance).exists()
    note = instance.change_note.strip() or (FIRST_PUBLICATION_NOTE if first else "")
    unattended = author is None and not note
    MeasureChangeNote.objects.create(
        page=instance,
        revision=revision,
        published_at=instance.last_published_at or timezone.now(),
        note=note,
        minor=not first and (instance.minor_change or unattended),
        author=author,
    )


@dataclass
class HistoryRow:
    timestamp: datetime
    user: str
    action: str
    comment: str = ""
    revision_id: int | None = None
    is_revision: bool = False
    is_live: bool = False


def page_timeline(page):
    """Revisions and audit-log events of a page, newest first."""
    rows = [
        HistoryRow(
            timestamp=revision.created_at,
            user=display_name(revision.user),
            action=_("版を保存"),
            revision_id=revision.pk,
            is_revision=True,
            is_live=revision.pk == page.live_revision_id,
        )
        for revision in page.revisions.select_related("user").defer("content")
    ]
    entries = (
        PageLogEntry.objects.filter(page=page)
        .exclude(action__in=REVISION_ACTIONS)
        .select_related("user")
    )
    rows += [
        HistoryRow(
            timestamp=entry.timestamp,
            user=display_name(entry.user),
            action=entry.message,
            comment=entry.comment,
            revision_id=entry.revision_id,
        )
        for entry in entries
    ]
    return sorted(rows, key=lambda row: (row.timestamp, row.is_revision), reverse=True)


def display_name(user):
    return get_user_display_name(user) if user else _("システム")


@dataclass
class FieldChange:
    label: str
    old: object
    new: object


@dataclass
class FieldHistoryEntry:
    timestamp: datetime
    user: str
    kind: str
    changes: list[FieldChange] = field(default_factory=list)


HISTORY_KINDS = {"+": _("作成"), "~": _("変更"), "-": _("削除")}


def audited_fields(model, historical_model):
    """What a person edits, and whether the item is live: not the bookkeeping of drafts.

    Only fields the history records: a model may have gained fields its history leaves out.
    """
    recorded = {f.name for f in historical_model._meta.fields}
    return [
        f
        for f in model._meta.concrete_fields
        if (f.editable or f.name == "live") and f.name in recorded
    ]


def changed_fields(record, previous, audited):
    # Compared by hand: simple-history's diff_against skips non-editable fields such as `live`.
    return [
        FieldChange(
            f.verbose_name,
            readable(f, getattr(previous, f.attname)),
            readable(f, getattr(record, f.attname)),
        )
        for f in audited
        if getattr(previous, f.attname) != getattr(record, f.attname)
    ]


def readable(model_field, value):
    """A foreign key's value as the object it points to, if it still exists."""
    if value is None or not model_field.is_relation:
        return value
    related = model_field.related_model._default_manager.filter(pk=value).first()
    return related if related is not None else value


def field_history(instance):
    """django-simple-history records of one object, newest first, with the fields each changed."""
    audited = audited_fields(type(instance), instance.history.model)
    entries = []
    for record in instance.history.select_related("history_user"):
        previous = record.prev_record
        changes = changed_fields(record, previous, audited) if previous is not None else []
        if previous is None or changes or record.history_type == "-":
            entries.append(
                FieldHistoryEntry(
                    timestamp=record.history_date,
                    user=display_name(record.history_user),
                    kind=HISTORY_KINDS[record.history_type],
                    changes=changes,
                )
            )
    return entries
