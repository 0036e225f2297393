"""A round's reports as an .xlsx workbook (the 調書 format city staff use), out and back in.

The workbook has one sheet: the fiscal year in B1, the header in row 2, one row per measure
below it. The key columns are locked (the sheet is protected); the evaluation is a drop-down of
the three labels. Reading a filled workbook validates every cell first and reports each error by
cell; only a workbook without any error is saved, all of it in one transaction.
"""

import zipfile
from dataclasses import dataclass, field
from io import BytesIO

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from measures.importer.proposals import submit_for_review, under_review
from measures.models import ProgressReport
from reporting.models import ReportingRound
from reporting.services import year_report

SHEET_TITLE = "進捗報告"
COLUMNS = ["施策番号", "施策名", "担当課", "実施計画", "実績", "課題", "進捗評価", "理由"]
EDITABLE = {"実績", "課題", "進捗評価", "理由"}
REQUIRED = {"実績", "進捗評価"}
HEADER_ROW = 2
MAX_TEXT = 4000
# The plan has 24 measures; a sheet far longer than any round is refused before it is read.
MAX_ROWS = 500
# The sheet is in the report's language: the evaluation's Japanese labels (Evaluation's msgids).
LABEL_TO_EVALUATION = {"計画通り": "on_track", "少し遅延": "slightly_delayed", "遅延": "delayed"}
EVALUATION_TO_LABEL = {value: label for label, value in LABEL_TO_EVALUATION.items()}


def _column(name):
    return COLUMNS.index(name) + 1


def report_for(page, fiscal_year):
    """The measure's latest version of its report for the year (a draft if there is one)."""
    draft = page.get_latest_revision_as_object()
    return next((r for r in draft.progress_reports.all() if r.fiscal_year == fiscal_year), None)


def export_round(round_, pages):
    """The workbook of the round for pages, as bytes."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    sheet["A1"], sheet["B1"] = "年度", round_.fiscal_year
    sheet.append(COLUMNS)
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True)
    for page in pages:
        report = report_for(page, round_.fiscal_year) or ProgressReport()
        lead = page.lead_department
        sheet.append(
            [
                page.number,
                page.title,
                lead.name if lead else "",
                page.plan_for(round_.fiscal_year),
                report.achievements,
                report.issues,
                EVALUATION_TO_LABEL.get(report.evaluation, ""),
                report.reason,
            ]
        )
    _protect(sheet, len(pages))
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _protect(sheet, count):
    labels = ",".join(LABEL_TO_EVALUATION)
    choice = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True)
    choice.error = _("計画通り・少し遅延・遅延のどれかを選んでください。")
    sheet.add_data_validation(choice)
    last = HEADER_ROW + max(count, 1)
    letter = sheet.cell(row=1, column=_column("進捗評価")).column_letter
    choice.add(f"{letter}{HEADER_ROW + 1}:{letter}{last}")
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1, max_row=last):
        for name in EDITABLE:
            row[_column(name) - 1].protection = Protection(locked=False)
    sheet.protection.sheet = True


@dataclass
class ImportResult:
    errors: list[tuple[str, str]] = field(default_factory=list)  # (cell, message)
    submitted: list[int] = field(default_factory=list)

    def error(self, cell, message):
        self.errors.append((cell, str(message)))


@dataclass
class Row:
    number: int
    cells: dict
    line: int


def import_workbook(data: bytes, user) -> ImportResult:
    """Validate every row of the workbook; if none fails, save and submit each report as user."""
    result = ImportResult()
    sheet = _open_sheet(data, result)
    if sheet is None:
        return result
    round_ = _round_of(sheet, result)
    rows = list(_rows(sheet, result))
    if round_ is None or result.errors:
        return result
    pages = _checked_pages(rows, round_, user, result)
    if result.errors:
        return result
    with transaction.atomic():
        for row in rows:
            _save(pages[row.number], round_.fiscal_year, row.cells, user)
            result.submitted.append(row.number)
    return result


def _open_sheet(data, result):
    try:
        book = load_workbook(BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        result.error("—", _("Excel（.xlsx）のファイルではないか、壊れています。"))
        return None
    if SHEET_TITLE not in book.sheetnames:
        result.error("—", _("「%(sheet)s」シートがありません。") % {"sheet": SHEET_TITLE})
        return None
    return book[SHEET_TITLE]


def _round_of(sheet, result):
    header = next(sheet.iter_rows(min_row=1, max_row=HEADER_ROW, values_only=True), ())
    year = header[1] if len(header) > 1 else None
    round_ = (
        ReportingRound.objects.filter(fiscal_year=year).first() if isinstance(year, int) else None
    )
    if round_ is None or not round_.is_open:
        result.error("B1", _("受付中の報告の依頼の年度ではありません。"))
        return None
    return round_


def _rows(sheet, result):
    for line, values in enumerate(
        sheet.iter_rows(min_row=HEADER_ROW + 1, max_col=len(COLUMNS)), start=HEADER_ROW + 1
    ):
        if line > HEADER_ROW + MAX_ROWS:
            result.error(f"A{line}", _("行が多すぎます（%(max)d行まで）。") % {"max": MAX_ROWS})
            return
        cells = dict(zip(COLUMNS, values, strict=False))
        if all(getattr(cell, "value", None) in (None, "") for cell in cells.values()):
            continue
        row = _checked_row(cells, line, result)
        if row is not None:
            yield row


def _checked_row(cells, line, result):
    values = dict.fromkeys(COLUMNS, None)
    for name in COLUMNS:
        cell = cells.get(name)
        ref = f"{get_column_letter(_column(name))}{line}"
        if getattr(cell, "data_type", None) == "f":
            result.error(ref, _("数式は使えません。値を入力してください。"))
            continue
        value = getattr(cell, "value", None)
        if name in EDITABLE:
            value = "" if value is None else str(value).strip()
            if name in REQUIRED and not value:
                result.error(ref, _("入力してください。"))
            elif len(value) > MAX_TEXT:
                result.error(ref, _("%(max)d文字以内で入力してください。") % {"max": MAX_TEXT})
            elif name == "進捗評価" and value not in LABEL_TO_EVALUATION:
                result.error(ref, _("計画通り・少し遅延・遅延のどれかを選んでください。"))
        values[name] = value
    number = values.get("施策番号")
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    if not isinstance(number, int) or isinstance(number, bool):
        result.error(f"A{line}", _("施策番号が正しくありません。"))
        return None
    return Row(number=number, cells=values, line=line)


def _checked_pages(rows, round_, user, result):
    pages = {page.number: page for page in round_.measures.all()}
    seen = set()
    for row in rows:
        page = pages.get(row.number)
        ref = f"A{row.line}"
        if page is None:
            result.error(ref, _("この報告の依頼にない施策です。"))
        elif row.number in seen:
            result.error(ref, _("同じ施策の行が2つあります。"))
        elif not page.permissions_for_user(user).can_edit():
            result.error(ref, _("ほかの課の施策です。"))
        elif under_review(page):
            result.error(ref, _("この施策は審査中です。"))
        seen.add(row.number)
    return pages


def _save(page, fiscal_year, values, user):
    draft = page.get_latest_revision_as_object()
    report = year_report(draft, fiscal_year)
    report.achievements = values["実績"]
    report.issues = values["課題"]
    report.evaluation = LABEL_TO_EVALUATION[values["進捗評価"]]
    report.reason = values["理由"]
    submit_for_review(draft, user)
