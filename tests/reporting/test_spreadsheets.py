"""Round workbooks: exported with locked keys and a drop-down, imported all or nothing."""

import datetime
import io
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from wagtail.models import Revision

from measures.models import MeasurePage
from reporting.services import MeasureStatus, open_round, round_rows
from reporting.spreadsheets import COLUMNS, SHEET_TITLE, export_round, import_workbook
from tests.measures.workflow_steps import login

FILLED = {
    "実績": "窓口の電子化を進めた。",
    "課題": "周知",
    "進捗評価": "少し遅延",
    "理由": "調達の遅れ",
}


@pytest.fixture
def round_2023(db):
    return open_round(2023, datetime.date(2024, 6, 30)).round


def user(username):
    return get_user_model().objects.get(username=username)


def editable_numbers(round_, username):
    return [
        p.number
        for p in round_.measures.order_by("number")
        if p.permissions_for_user(user(username)).can_edit()
    ]


def workbook_for(round_, numbers):
    pages = list(round_.measures.filter(number__in=numbers).order_by("number"))
    return load_workbook(BytesIO(export_round(round_, pages)))


def filled(round_, numbers, overrides=None):
    """The exported workbook with every row filled; overrides {(row, column): value}."""
    book = workbook_for(round_, numbers)
    sheet = book[SHEET_TITLE]
    for row in range(3, 3 + len(numbers)):
        for name, value in FILLED.items():
            sheet.cell(row=row, column=COLUMNS.index(name) + 1, value=value)
    for (row, name), value in (overrides or {}).items():
        # Assigned, not passed to cell(): cell(value=None) leaves the cell as it was.
        sheet.cell(row=row, column=COLUMNS.index(name) + 1).value = value
    return as_bytes(book)


def as_bytes(book):
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_export_locks_the_keys_and_offers_the_three_labels(round_2023):
    book = workbook_for(round_2023, range(1, 25))
    sheet = book[SHEET_TITLE]
    assert sheet["B1"].value == 2023
    assert [c.value for c in sheet[2]] == COLUMNS
    assert [sheet.cell(row=r, column=1).value for r in range(3, 27)] == list(range(1, 25))
    page = MeasurePage.objects.get(number=6, locale__language_code="ja")
    assert sheet["D8"].value == page.plan_for(2023)
    assert sheet.protection.sheet
    assert sheet["A3"].protection.locked and not sheet["E3"].protection.locked
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"計画通り,少し遅延,遅延"'
    assert "G3:G26" in str(validation.sqref)


def test_a_valid_workbook_submits_each_report_as_the_importer(round_2023):
    numbers = editable_numbers(round_2023, "editor-joho")[:3]
    assert len(numbers) == 3

    result = import_workbook(filled(round_2023, numbers), user("editor-joho"))

    assert result.errors == [] and result.submitted == numbers
    statuses = {row.page.number: row.status for row in round_rows(round_2023)}
    assert {statuses[n] for n in numbers} == {MeasureStatus.IN_REVIEW}
    page = MeasurePage.objects.get(number=numbers[0], locale__language_code="ja")
    revision = page.get_latest_revision()
    assert revision.user.username == "editor-joho"
    report = next(r for r in revision.as_object().progress_reports.all() if r.fiscal_year == 2023)
    assert (report.achievements, report.evaluation) == (FILLED["実績"], "slightly_delayed")
    assert not [r for r in page.progress_reports.all() if r.fiscal_year == 2023]  # not public


def hostile_cases(round_, joho, other):
    too_long = "あ" * 4001
    formula = filled(round_, joho[:1], {(3, "実績"): '=HYPERLINK("http://x","x")'})
    book = Workbook()
    book.active.title = "Sheet1"
    many = load_workbook(BytesIO(filled(round_, joho[:1])))
    for row in range(4, 10_004):
        many[SHEET_TITLE].cell(row=row, column=1, value=joho[0])
    return {
        "unknown measure": (filled(round_, joho[:2], {(4, "施策番号"): 99}), "A4"),
        "another department's measure": (
            filled(round_, [joho[0], other]),
            f"A{3 + sorted([joho[0], other]).index(other)}",
        ),
        "invalid evaluation": (filled(round_, joho[:2], {(3, "進捗評価"): "たぶん順調"}), "G3"),
        "text too long": (filled(round_, joho[:2], {(4, "理由"): too_long}), "H4"),
        "missing required field": (filled(round_, joho[:2], {(3, "実績"): None}), "E3"),
        "formula": (formula, "E3"),
        "wrong sheet": (as_bytes(book), "—"),
        "10,000 rows": (as_bytes(many), "A503"),
        "not an xlsx file": (b"PK\x03\x04 this is not a workbook" + bytes(range(256)), "—"),
        "a csv file": ("施策番号,実績\n1,x\n".encode(), "—"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "unknown measure",
        "another department's measure",
        "invalid evaluation",
        "text too long",
        "missing required field",
        "formula",
        "wrong sheet",
        "10,000 rows",
        "not an xlsx file",
        "a csv file",
    ],
)
def test_any_error_is_named_by_cell_and_saves_nothing(round_2023, case):
    joho = editable_numbers(round_2023, "editor-joho")
    other = next(n for n in range(1, 25) if n not in joho)
    data, cell = hostile_cases(round_2023, joho, other)[case]
    revisions = Revision.objects.count()

    result = import_workbook(data, user("editor-joho"))

    assert cell in [c for c, _message in result.errors], result.errors
    assert result.submitted == []
    assert Revision.objects.count() == revisions


def test_the_commands_export_a_department_and_import_for_a_user(round_2023, tmp_path):
    output = tmp_path / "nosei.xlsx"
    call_command(
        "export_reporting_round",
        "2023",
        "--department",
        "農政課",
        "--output",
        str(output),
        stdout=io.StringIO(),
    )
    sheet = load_workbook(output)[SHEET_TITLE]
    numbers = [sheet.cell(row=r, column=1).value for r in range(3, sheet.max_row + 1)]
    assert numbers and all(
        MeasurePage.objects.get(number=n, locale__language_code="ja").lead_department.name
        == "農政課"
        for n in numbers
    )
    for row in range(3, sheet.max_row + 1):
        for name, value in FILLED.items():
            sheet.cell(row=row, column=COLUMNS.index(name) + 1, value=value)
    sheet.parent.save(output)

    out = io.StringIO()
    call_command("import_reporting_round", str(output), "--user", "editor-nosei", stdout=out)
    assert f"Submitted {len(numbers)} reports for review as editor-nosei" in out.getvalue()

    with pytest.raises(CommandError, match="Nothing was saved"):
        call_command(
            "import_reporting_round",
            str(output),
            "--user",
            "editor-nosei",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )  # now under review: refused, cell by cell


def test_the_admin_lists_the_errors_by_cell(client, round_2023):
    login(client, "editor-joho")
    joho = editable_numbers(round_2023, "editor-joho")
    data = filled(round_2023, joho[:2], {(3, "進捗評価"): "不明"})
    upload = BytesIO(data)
    upload.name = "report.xlsx"

    response = client.post(reverse("reporting_upload", args=[round_2023.pk]), {"workbook": upload})

    assert response.status_code == 200
    page = response.content.decode()
    assert "G3" in page and "何も保存していません" in page
    download = client.get(reverse("reporting_download", args=[round_2023.pk]))
    assert download.status_code == 200
    sheet = load_workbook(BytesIO(download.content))[SHEET_TITLE]
    assert [sheet.cell(row=r, column=1).value for r in range(3, sheet.max_row + 1)] == joho
