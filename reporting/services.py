"""The reporting round's operations: open, follow, close. Views and commands call only these.

Opening a round saves, for every covered measure, a draft revision with an empty report for the
round's year, written by the system user (so that the division's reviewers may still approve
the department's report: nobody approves a change of their own). Nothing is published: the
report reaches the public site when the division approves it in the review workflow.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Locale, WorkflowState

from home.models import HomePage
from measures.importer.proposals import system_user, under_review
from measures.models import MeasurePage, ProgressReport
from page_cache import affected
from page_cache.purge import purge_on_commit
from reporting.models import ReportingRound, RoundStatus


class RoundError(Exception):
    """A request the round cannot take; the message says why, for the user."""


def covered_measures():
    """The measures a new round covers: every published Japanese measure."""
    return MeasurePage.objects.live().filter(locale=Locale.get_default()).order_by("number")


@dataclass
class OpenResult:
    round: ReportingRound
    created: bool
    drafted: list[int]
    skipped: list[str]


def open_round(fiscal_year, due_date, user=None, measures=None) -> OpenResult:
    """Open the round of fiscal_year: a draft report per measure. On an open round, set its due
    date and draft what is missing."""
    with transaction.atomic():
        round_, created = ReportingRound.objects.get_or_create(
            fiscal_year=fiscal_year, defaults={"due_date": due_date, "opened_by": user}
        )
        if not round_.is_open:
            raise RoundError(_("この年度の報告の依頼はすでに締め切られています。"))
        if round_.due_date != due_date:
            round_.due_date = due_date  # a new due date for an open round (kept in its history)
            round_.save(update_fields=["due_date"])
        if created:
            round_.measures.set(measures if measures is not None else covered_measures())
        author = system_user()
        drafted, skipped = [], []
        for page in round_.measures.order_by("number"):
            reason = _draft_report(page, fiscal_year, author)
            if reason is None:
                drafted.append(page.number)
            else:
                skipped.append(f"{page.number}: {reason}")
    return OpenResult(round_, created, drafted, skipped)


def year_report(draft, fiscal_year):
    """The draft's report for the year, added with that year's plan if it has none yet."""
    reports = list(draft.progress_reports.all())
    report = next((r for r in reports if r.fiscal_year == fiscal_year), None)
    if report is None:
        report = ProgressReport(fiscal_year=fiscal_year, plan=draft.plan_for(fiscal_year))
        reports.append(report)
    reports.sort(key=lambda r: r.fiscal_year)
    for order, item in enumerate(reports):
        item.sort_order = order
    draft.progress_reports = reports
    return report


def _draft_report(page, fiscal_year, author):
    """Add an empty report for the year as a draft revision; or say why not."""
    draft = page.get_latest_revision_as_object()
    if any(r.fiscal_year == fiscal_year for r in draft.progress_reports.all()):
        return "already has a report for this year"
    if under_review(page):
        return "a change is under review"
    year_report(draft, fiscal_year)
    draft.save_revision(user=author, log_action=True)
    return None


def close_round(round_, user=None):
    """Close the round; its year becomes the site's current report year in every language."""
    with transaction.atomic():
        round_.status = RoundStatus.CLOSED
        round_.closed_at = timezone.now()
        round_.save()
        for home in HomePage.objects.all():
            set_report_year(home, round_.fiscal_year, user)
        # Every public page shows the report year (a home page with a draft gets it unpublished).
        purge_on_commit(affected.everything)


def set_report_year(home, fiscal_year, user):
    """The live home page shows the year now; a pending draft keeps it when published."""
    if home.report_fiscal_year == fiscal_year:
        return
    if home.has_unpublished_changes:
        HomePage.objects.filter(pk=home.pk).update(report_fiscal_year=fiscal_year)
        draft = home.get_latest_revision_as_object()
        draft.report_fiscal_year = fiscal_year
        draft.save_revision(user=user)
    else:
        home.report_fiscal_year = fiscal_year
        home.save_revision(user=user, log_action=True).publish(
            user=user, skip_permission_checks=True
        )


class MeasureStatus:
    NOT_STARTED = "not_started"
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"

    LABELS = {
        NOT_STARTED: _("未着手"),
        DRAFT: _("下書き"),
        IN_REVIEW: _("審査中"),
        CHANGES_REQUESTED: _("差し戻し"),
        APPROVED: _("承認済み"),
    }
    # What still waits for the department after the due date.
    OUTSTANDING = {NOT_STARTED, DRAFT, CHANGES_REQUESTED}


@dataclass
class RoundRow:
    page: MeasurePage
    department: str
    status: str
    changed_at: object
    changed_by: str
    overdue: bool

    @property
    def status_label(self):
        return MeasureStatus.LABELS[self.status]


def measure_status(page, fiscal_year, author_id):
    """Where the measure's report for the year stands, from its live page, drafts and reviews."""
    reported = any(
        r.fiscal_year == fiscal_year and r.achievements for r in page.progress_reports.all()
    )
    if reported and not page.has_unpublished_changes:
        return MeasureStatus.APPROVED
    state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return MeasureStatus.IN_REVIEW
    latest = page.get_latest_revision()
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return MeasureStatus.CHANGES_REQUESTED
    if page.has_unpublished_changes and latest and latest.user_id not in (None, author_id):
        return MeasureStatus.DRAFT
    return MeasureStatus.NOT_STARTED


def round_rows(round_, department=None, status=None, today=None):
    """The dashboard's rows, per department then measure, optionally filtered."""
    author_id = system_user().pk
    rows = []
    pages = round_.measures.order_by("number").prefetch_related(
        "department_links__department", "progress_reports"
    )
    for page in pages:
        lead = page.lead_department
        name = lead.name if lead else ""
        if department and name != department:
            continue
        row_status = measure_status(page, round_.fiscal_year, author_id)
        if status and row_status != status:
            continue
        latest = page.get_latest_revision()
        rows.append(
            RoundRow(
                page=page,
                department=name,
                status=row_status,
                changed_at=latest.created_at if latest else None,
                changed_by=get_user_display_name(latest.user) if latest and latest.user else "",
                overdue=round_.is_overdue(today) and row_status in MeasureStatus.OUTSTANDING,
            )
        )
    return sorted(rows, key=lambda row: (row.department, row.page.number))


def status_counts(rows):
    counts = dict.fromkeys(MeasureStatus.LABELS, 0)
    for row in rows:
        counts[row.status] += 1
    return [(MeasureStatus.LABELS[key], key, count) for key, count in counts.items()]
