"""Departments (課) of the city: who leads a measure and who shares it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Department(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("課名"), max_length=100)

    history = HistoricalRecords()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("課")
        verbose_name_plural = _("課")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "name"], name="unique_department_per_locale")
        ]

    def __str__(self):
        return self.name


class DepartmentMembership(models.Model):
    """A staff member working in a department: editors may change that department's measures."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="department_memberships"
    )
    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="memberships")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("所属")
        verbose_name_plural = _("所属")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "department"], name="unique_department_membership"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.department}"
