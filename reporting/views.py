"""Admin views of the reporting rounds: thin, the work is in reporting.services."""

import functools

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from reporting import reminders, services, spreadsheets
from reporting.forms import OpenRoundForm, RowFilterForm, WorkbookForm
from reporting.models import ReportingRound

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# An upload larger than this is no filled round workbook (24 rows of text are a few hundred KB).
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
VIEW_PERMISSION = "reporting.view_reportinground"
MANAGE_PERMISSION = "reporting.manage_reportinground"


def require(user, permission):
    if not user.has_perm(permission):
        raise PermissionDenied


def refused_with_403(view):
    """A refusal answers 403: Wagtail's admin would turn PermissionDenied into a redirect to
    the dashboard, which reads as if the request had worked."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return HttpResponseForbidden()

    return wrapped


@refused_with_403
def index(request):
    """The rounds; the division follows each, departments fetch and return their workbook."""
    form = OpenRoundForm()
    if request.method == "POST":
        require(request.user, MANAGE_PERMISSION)
        form = OpenRoundForm(request.POST)
        if form.is_valid():
            result = services.open_round(
                form.cleaned_data["fiscal_year"], form.cleaned_data["due_date"], request.user
            )
            messages.success(
                request,
                _("報告の依頼を開始しました。%(count)d件の施策に下書きを作成しました。")
                % {"count": len(result.drafted)},
            )
            return redirect("reporting_round", result.round.pk)
    context = {
        "rounds": ReportingRound.objects.all(),
        "form": form,
        "can_view": request.user.has_perm(VIEW_PERMISSION),
        "can_manage": request.user.has_perm(MANAGE_PERMISSION),
    }
    return TemplateResponse(request, "reporting/admin/index.html", context)


@refused_with_403
def dashboard(request, round_id):
    require(request.user, VIEW_PERMISSION)
    round_ = get_object_or_404(ReportingRound, pk=round_id)
    all_rows = services.round_rows(round_)
    departments = sorted({row.department for row in all_rows})
    filters = RowFilterForm(request.GET or None, departments=departments)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    rows = [
        row
        for row in all_rows
        if (not chosen.get("department") or row.department == chosen["department"])
        and (not chosen.get("status") or row.status == chosen["status"])
    ]
    context = {
        "round": round_,
        "rows": rows,
        "counts": services.status_counts(rows),
        "overdue_count": sum(row.overdue for row in rows),
        "filters": filters,
        "can_manage": request.user.has_perm(MANAGE_PERMISSION),
    }
    return TemplateResponse(request, "reporting/admin/dashboard.html", context)


@refused_with_403
@require_POST
def close(request, round_id):
    require(request.user, MANAGE_PERMISSION)
    round_ = get_object_or_404(ReportingRound, pk=round_id)
    if round_.is_open:
        services.close_round(round_, request.user)
        messages.success(
            request, _("締め切りました。%(year)sが現在の報告年度になりました。") % {"year": round_}
        )
    return redirect("reporting_round", round_.pk)


def editable_measures(round_, user):
    return [
        p for p in round_.measures.order_by("number") if p.permissions_for_user(user).can_edit()
    ]


@refused_with_403
def download(request, round_id):
    """The round's workbook with the measures this user may report on."""
    round_ = get_object_or_404(ReportingRound, pk=round_id)
    pages = editable_measures(round_, request.user)
    if not pages:
        raise PermissionDenied
    response = HttpResponse(spreadsheets.export_round(round_, pages), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="report-{round_.fiscal_year}.xlsx"'
    return response


@refused_with_403
def upload(request, round_id):
    """Download and upload of the round's workbook; every error is listed by cell."""
    round_ = get_object_or_404(ReportingRound, pk=round_id)
    if not editable_measures(round_, request.user):
        raise PermissionDenied
    form, errors = WorkbookForm(), []
    if request.method == "POST":
        form = WorkbookForm(request.POST, request.FILES)
        if form.is_valid():
            errors = _import(request, form.cleaned_data["workbook"])
            if errors is None:
                return redirect("reporting_upload", round_.pk)
    context = {"round": round_, "form": form, "errors": errors}
    return TemplateResponse(request, "reporting/admin/upload.html", context)


def _import(request, upload):
    if upload.size > MAX_UPLOAD_BYTES:
        return [("—", _("ファイルが大きすぎます。"))]
    result = spreadsheets.import_workbook(upload.read(), request.user)
    if result.errors:
        return result.errors
    messages.success(
        request,
        _("%(count)d件の報告を審査に送りました。") % {"count": len(result.submitted)},
    )
    return None


def my_reminders(request):
    """Which reminders the signed-in user gets, and the last ones sent."""
    context = reminders.reminders_for(request.user)
    return TemplateResponse(request, "reporting/admin/my_reminders.html", context)
