"""The public change history (更新履歴) of a measure: one row per published update."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# What the first publication of a page reads when its editor wrote no note; pages show it in
# the reader's language.
FIRST_PUBLICATION_NOTE = "初版公開"


class MeasureChangeNoteQuerySet(models.QuerySet):
    def public(self):
        """What the public 更新履歴 lists: every update not marked minor, newest first."""
        return self.filter(minor=False).order_by("-published_at", "-pk")


class MeasureChangeNote(models.Model):
    """Recorded when a revision of a measure is published (see editorial.history)."""

    page = models.ForeignKey(
        "measures.MeasurePage", on_delete=models.CASCADE, related_name="change_notes"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("公開日時"))
    note = models.TextField(_("更新内容"), blank=True)
    minor = models.BooleanField(_("軽微な修正"), default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("作成者"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承認者"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = MeasureChangeNoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("更新履歴")
        verbose_name_plural = _("更新履歴")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return f"{self.page} {self.published_at:%Y-%m-%d}"

    @property
    def is_first_publication(self):
        """The note the site writes itself (shown translated); editors' notes are Japanese."""
        return self.note == FIRST_PUBLICATION_NOTE

    def _department_of(self, user):
        """The staff member's department, in the page's language: the public sees no names."""
        membership = user and user.department_memberships.select_related("department").first()
        if membership is None:
            return None
        department = membership.department
        return department.get_translation_or_none(self.page.locale) or department

    @property
    def writer_department(self):
        return self._department_of(self.author)

    @property
    def approver_department(self):
        return self._department_of(self.approved_by)
