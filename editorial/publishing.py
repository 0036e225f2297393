"""What publishing a page sets off, in one list.

Wagtail sends page_published once a revision is live, whoever published it (an approval in the
review workflow, scheduled publishing, the import, the translation editor). Apps do not connect
to it themselves: each reaction is named here, with the page type it is for, and runs in this
order. A receiver takes page_published's arguments (sender, instance, revision, …).
"""

from functools import cache

from django.apps import apps
from django.utils.module_loading import import_string
from wagtail.signals import page_published

PUBLISH_RECEIVERS = (
    # The cached pages showing it are purged (page_cache/): first, so that the font re-cut,
    # which renders pages when its task runs in-process, reads them anew.
    ("page_cache.signals.purge_on_publish", None),
    # The public 更新履歴 of a measure, with the editor's note.
    ("editorial.history.record_publication", "measures.MeasurePage"),
    # A translated measure's glossary terms and departments in its own language.
    ("translations.relations.relink_on_publish", "measures.MeasurePage"),
    # The page's font subset is cut again for its new text.
    ("fonts.signals.queue_rebuild_on_publish", None),
    # The 実施計画調書 PDF is rebuilt from the published pages.
    ("plan_report.signals.rebuild_after_publish", None),
)


@cache
def receivers():
    """(function, model or None) for each entry of PUBLISH_RECEIVERS."""
    return tuple(
        (import_string(path), apps.get_model(model) if model else None)
        for path, model in PUBLISH_RECEIVERS
    )


def dispatch(sender, instance, **kwargs):
    for receiver, model in receivers():
        if model is None or isinstance(instance, model):
            receiver(sender=sender, instance=instance, **kwargs)


def connect():
    page_published.connect(dispatch, dispatch_uid="editorial.publishing")
