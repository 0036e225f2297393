"""import_plan through the command, as an operator runs it."""

import hashlib
import io
import json
import re

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageLogEntry, Revision

from glossary.models import GlossaryTerm
from home.models import HomePage
from measures.importer.parser import parse_plan
from measures.models import Department, DxPriority, MeasurePage
from measures.opendata import build_plan_export

PROVENANCE = settings.PLAN_SOURCE_PATH.parent / "PROVENANCE.md"
SOURCE_LINES = settings.PLAN_SOURCE_PATH.read_text(encoding="utf-8").splitlines(keepends=True)


def run_import(path=None):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_plan", *([str(path)] if path else []), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def snapshot():
    """Everything an import could touch, to prove that a failed one touched nothing."""
    home = HomePage.objects.get(locale__language_code="ja")
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list("pk", "title", "live", "latest_revision_id")
        ),
        "revisions": Revision.objects.count(),
        "log": PageLogEntry.objects.count(),
        "terms": list(GlossaryTerm.objects.order_by("pk").values_list("pk", "term", "definition")),
        "departments": list(Department.objects.order_by("pk").values_list("pk", "name")),
        "dx": list(DxPriority.objects.order_by("pk").values_list("pk", "title")),
        "export": json.dumps(build_plan_export(home), ensure_ascii=False, default=str),
    }


def line_number(startswith):
    return next(i for i, line in enumerate(SOURCE_LINES, 1) if line.startswith(startswith))


def write_lines(tmp_path, lines):
    path = tmp_path / "report.txt"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_the_bundled_copy_is_the_reference_document():
    recorded = re.search(r"^SHA-256: ([0-9a-f]{64})$", PROVENANCE.read_text(encoding="utf-8"), re.M)

    assert recorded, f"{PROVENANCE} records no SHA-256 of the reference document"
    assert hashlib.sha256(settings.PLAN_SOURCE_PATH.read_bytes()).hexdigest() == recorded[1]


def test_second_import_changes_nothing_and_says_so(db):
    before = snapshot()
    out, _ = run_import()
    assert out.startswith("Nothing changed")
    assert snapshot() == before


def test_import_prints_the_contradictions_in_the_source(db):
    _, err = run_import()
    warnings = [line for line in err.splitlines() if line.startswith("warning: ")]
    assert any("measure 9" in w and "教育総務課" in w for w in warnings)
    assert any("情報インフラ強靭化" in w or "行政インフラ強靱化" in w for w in warnings)


def test_every_measure_is_imported_field_by_field(db, home_page):
    document = parse_plan("".join(SOURCE_LINES))
    exported = {m["number"]: m for m in build_plan_export(home_page)["measures"]}
    assert sorted(exported) == list(range(1, 25))
    for measure in document.measures:
        record = exported[measure.number]
        assert record["title"] == measure.title
        assert record["dx"] == measure.dx
        assert record["goal"] == measure.goal
        assert record["departments"] == measure.departments
        assert record["categories"] == measure.categories
        assert record["policy_areas"] == measure.policy_areas
        assert record["sdgs"] == measure.sdgs
        assert record["related_plan"] == measure.related_plan
        assert record["situation"] == measure.situation
        assert record["content"] == measure.content
        assert record["expected_effects"] == measure.expected_effects
        assert [
            (i["number"], i["text"], i["departments"], i["status"], i["fiscal_year"])
            for i in record["initiatives"]
        ] == [
            (i.number, i.text, i.departments, i.status, i.fiscal_year) for i in measure.initiatives
        ]
        assert record["plan"] == {str(y): t for y, t in measure.plan.items()}
        assert record["actual"] == {str(r.fiscal_year): r.progress_label for r in measure.reports}
        evaluated = [r for r in measure.reports if r.evaluation]
        assert [
            (r["fiscal_year"], r["achievements"], r["issues"], r["evaluation"], r["reason"])
            for r in record["reports"]
        ] == [(r.fiscal_year, r.achievements, r.issues, r.evaluation, r.reason) for r in evaluated]
        assert sorted(record["glossary_terms"]) == sorted(measure.glossary_terms)


def test_the_whole_glossary_and_the_goals_are_imported(db, home_page):
    document = parse_plan("".join(SOURCE_LINES))
    export = build_plan_export(home_page)
    assert [(t["term"], t["section"], t["definition"]) for t in export["glossary"]] == [
        (t.term, t.section, t.definition) for t in document.glossary
    ]
    assert [(g["number"], g["title"], g["subtitle"], g["directions"]) for g in export["goals"]] == [
        (g.number, g.title, g.subtitle, g.directions) for g in document.goals
    ]
    assert DxPriority.objects.filter(locale=home_page.locale).count() == len(document.dx_priorities)


def changed_situation_of_6(measure):
    situation = measure(6).situation
    return [line.replace(situation[:20], "【改訂】" + situation[:20], 1) for line in SOURCE_LINES]


def test_a_changed_report_leaves_the_site_alone_and_names_the_measure(db, tmp_path, measure):
    before = snapshot()

    out, _ = run_import(write_lines(tmp_path, changed_situation_of_6(measure)))

    assert out.startswith("Nothing changed")
    assert [line for line in out.splitlines() if line.startswith("left alone: ")] == [
        "left alone: measure 6 (differs in: situation)"
    ]
    assert snapshot() == before


def test_an_update_proposes_only_that_measure_for_review(db, tmp_path, measure):
    revisions = Revision.objects.count()
    live_situation = measure(6).situation

    out, _ = run_import_update(write_lines(tmp_path, changed_situation_of_6(measure)))

    assert [line for line in out.splitlines() if line.startswith("proposed: ")] == [
        "proposed: measure 6 (situation)"
    ]
    assert Revision.objects.count() == revisions + 1
    page = measure(6)
    assert page.situation == live_situation
    assert page.workflow_in_progress
    assert page.get_latest_revision_as_object().situation.startswith("【改訂】")


def run_import_update(path):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_plan", "--update", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def damaged_cases():
    title_8 = line_number("8. スマート農業の実現")
    measure_12 = line_number("12. 環境負荷低減の取り組み")
    return {
        "truncated in the middle of measure 14": (
            SOURCE_LINES[: line_number("1 4. 基幹系システム") + 5],
            None,
            14,
        ),
        "measure 8 without its title row": (
            SOURCE_LINES[: title_8 - 1] + SOURCE_LINES[title_8:],
            title_8,
            8,
        ),
        "control bytes inside measure 12": (
            [
                *SOURCE_LINES[: measure_12 + 3],
                "現状\x00\x07課題\n",
                *SOURCE_LINES[measure_12 + 3 :],
            ],
            measure_12 + 4,
            12,
        ),
    }


@pytest.mark.parametrize("case", list(damaged_cases()))
def test_a_damaged_file_names_line_and_measure_and_changes_nothing(db, tmp_path, case):
    lines, expected_line, expected_measure = damaged_cases()[case]
    before = snapshot()

    with pytest.raises(CommandError) as raised:
        run_import(write_lines(tmp_path, lines))

    message = str(raised.value)
    if expected_line is not None:
        assert f"line {expected_line}" in message
    else:
        assert "line " in message
    assert f"measure {expected_measure}" in message
    assert snapshot() == before


def test_bytes_that_are_not_utf8_are_refused_with_their_line(db, tmp_path):
    line = line_number("1 1. 公衆無線 LAN")
    raw = "".join(SOURCE_LINES).encode("utf-8").split(b"\n")
    raw[line + 2] = raw[line + 2][:30] + b"\xff\xfe\xfa" + raw[line + 2][30:]
    path = tmp_path / "garbage.txt"
    path.write_bytes(b"\n".join(raw))
    before = snapshot()

    with pytest.raises(CommandError, match=rf"line {line + 3}\b.*measure 11"):
        run_import(path)
    assert snapshot() == before


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        run_import(tmp_path / "nowhere.txt")


def test_pages_live_where_the_contract_says(db):
    for number in range(1, 25):
        page = MeasurePage.objects.get(number=number, locale__language_code="ja")
        assert page.url_path.endswith(f"/measures/{number}/")
