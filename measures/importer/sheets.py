"""Section 4: one measure sheet per 施策, a run of tab-separated rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import (
    CATEGORY_LABELS,
    FISCAL_YEARS,
    Initiative,
    Measure,
    PlanParseError,
    ProgressReport,
)
from .text import (
    CIRCLED,
    STATUS_NAMES,
    STATUS_RE,
    Block,
    cell_blocks,
    circled_value,
    clean_label,
    join_ja_spaces,
    key,
    nfc,
    prose,
    reiwa_year,
    squash,
    strip_markers,
    strip_tags,
)

TITLE_RE = re.compile(r"^(\d(?:[ .]?\d)*)\s*\.\s*(.+)$")
DX_TAG = re.compile(r"\s*【自治体\s*DX】\s*")
GOAL_HEADING = re.compile(r"^【基本目標([①-⑳])】\s*(.*)$")
YEAR_RE = re.compile(r"令和\s*(\d+)\s*年度")
INITIATIVES_HEAD = re.compile(r"【主な(?:取組|事業)】")
EVALUATIONS = {"計画通り": "on_track", "少し遅延": "slightly_delayed", "遅延": "delayed"}
CHECKBOX = re.compile(r"(<input[^>]*>|[■□])\s*(" + "|".join(CATEGORY_LABELS) + ")")


def row_cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def title_row(line: str) -> tuple[int, str, list[str]] | None:
    """(number, raw title, departments) if the line is a sheet's title row."""
    row = row_cells(line)
    m = TITLE_RE.match(row[0])
    dept_at = next((i for i, c in enumerate(row) if c.replace(" ", "").startswith("主管課")), None)
    if not m or dept_at is None:
        return None
    number = int(re.sub(r"\D", "", m.group(1)))
    depts = next((c for c in row[dept_at + 1 :] if c), "")
    return number, m.group(2), nfc(depts).split()


@dataclass
class Sheet:
    number: int
    line: int
    title: str
    dx: bool
    goal: int
    departments: list[str]
    rows: dict[str, tuple[int, list[str]]] = field(default_factory=dict)  # label → (line, cells)
    plan_header: tuple[int, list[str]] | None = None
    plan_values: tuple[int, list[str]] | None = None
    progress_header: tuple[int, list[str]] | None = None
    progress_values: tuple[int, list[str]] | None = None
    report_year: int = 2022
    extra: dict[str, list[str]] = field(default_factory=dict)  # continuation lines per field
    end: int = 0  # last line (1-based) of the sheet


REPORT_LABELS = {"実績": "achievements", "課題": "issues", "進捗評価": "evaluation"}
FIELD_LABELS = {
    "目標区分": "categories",
    "施策分野": "areas",
    "現状・課題": "situation",
    "施策内容": "content",
    "期待される効果": "effects",
}


def split_sheets(lines: list[str], start: int, end: int) -> list[Sheet]:
    """Group the rows of section 4 (0-based [start, end)) into sheets."""
    sheets: list[Sheet] = []
    goal = 0
    pending_header: tuple[int, list[str]] | None = None
    last_field = ""
    current: Sheet | None = None
    for idx in range(start, end):
        line = lines[idx]
        lineno = idx + 1
        if not line.strip():
            continue
        heading = GOAL_HEADING.match(line.strip())
        if heading:
            goal = CIRCLED.index(heading.group(1)) + 1
            if current:
                current.end = lineno - 1
            current, last_field = None, ""
            continue
        found = title_row(line)
        if found:
            number, title, depts = found
            if current:
                current.end = lineno - 1
            dx = bool(DX_TAG.search(title))
            title = nfc(squash(DX_TAG.sub(" ", title)))
            current = Sheet(number, lineno, title, dx, goal, depts)
            sheets.append(current)
            pending_header, last_field = None, ""
            continue
        row = row_cells(line)
        first = next((c for c in row if c), "")
        label = first.replace(" ", "")
        if label == "目標区分" and (current is None or "categories" in current.rows):
            previous = sheets[-1].number if sheets else 0
            raise PlanParseError(
                "目標区分 row without a title row before it (measure sheet title missing)",
                line=lineno,
                measure=previous + 1,
            )
        if current is None:
            continue
        current.end = lineno
        if label in FIELD_LABELS:
            current.rows[FIELD_LABELS[label]] = (lineno, row)
            last_field = FIELD_LABELS[label]
        elif label == "実施計画":
            current.plan_header = (lineno, row)
            last_field = "plan"
        elif label == "進捗実績":
            if any(YEAR_RE.search(c) for c in row):
                current.progress_header = (lineno, row)
                last_field = "progress"
            else:
                current.progress_header = pending_header
                current.progress_values = (lineno, row)
                last_field = ""
        elif re.fullmatch(r"R\d+", row[0]) or label in REPORT_LABELS:
            if re.fullmatch(r"R\d+", row[0]):
                current.report_year = reiwa_year(int(row[0][1:]))
            name = next(
                (c.replace(" ", "") for c in row[:3] if c and not re.fullmatch(r"R\d+", c)), ""
            )
            if name in REPORT_LABELS:
                current.rows[REPORT_LABELS[name]] = (lineno, row)
                last_field = REPORT_LABELS[name]
        elif row[0] == "" and all(YEAR_RE.fullmatch(c) for c in row if c):
            pending_header = (lineno, row)
        elif last_field == "plan" and current.plan_values is None:
            current.plan_values = (lineno, row)
        elif last_field == "progress" and current.progress_values is None:
            current.progress_values = (lineno, row)
        elif last_field in ("achievements", "issues", "evaluation"):
            if all(re.fullmatch(r":?-*:?", c) for c in row):
                continue  # markdown table debris
            current.extra.setdefault(last_field, []).append(line)
    if current:
        current.end = end
    return sheets


def _year_values(header: tuple[int, list[str]] | None, values: tuple[int, list[str]] | None):
    """Map the cells of a values row to fiscal years using the header row's columns."""
    out: dict[int, str] = {}
    if values is None:
        return out
    vals = values[1]
    if header is not None:
        for i, c in enumerate(header[1]):
            m = YEAR_RE.search(c)
            if m and i < len(vals):
                out[reiwa_year(int(m.group(1)))] = vals[i]
    else:
        for year, c in zip(FISCAL_YEARS, vals[1:], strict=False):
            out[year] = c
    return out


def _after(row: list[str], label: str) -> list[str]:
    """Non-empty cells after the cell whose text (spaces removed) is `label`."""
    for i, c in enumerate(row):
        if c.replace(" ", "") == label:
            return [x for x in row[i + 1 :] if x]
    return []


def _cell(sheet: Sheet, name: str) -> str:
    """The first non-empty cell after the row's label cell."""
    if name not in sheet.rows:
        return ""
    row = sheet.rows[name][1]
    labels = set(FIELD_LABELS) | set(REPORT_LABELS)
    at = next((i for i, c in enumerate(row) if c.replace(" ", "") in labels), 0)
    rest = [c for c in row[at + 1 :] if c]
    return rest[0] if rest else ""


def parse_initiatives(blocks: list[Block]) -> list[Initiative]:
    initiatives: list[Initiative] = []
    lines: list[list[str]] = []
    for block in blocks:
        text = block.text
        if text and text[0] in CIRCLED:
            number = circled_value(text[0])
            body = text[1:]
            status, year = "ongoing", None
            st = STATUS_RE.search(body)
            if st:
                status, year = STATUS_NAMES[st.group(1)], reiwa_year(int(st.group(2)))
                body = STATUS_RE.sub(" ", body)
            initiatives.append(Initiative(number, "", [], status, year))
            lines.append([])
        elif not initiatives:
            continue
        else:
            body = text
        depts = [d for tag in re.findall(r"【([^】]+)】", body) for d in tag.split("・")]
        body = re.sub(r"\s*【[^】]+】\s*", " ", body)
        for d in depts:
            d = nfc(d.strip())
            if d and d not in initiatives[-1].departments:
                initiatives[-1].departments.append(d)
        body = squash(strip_tags(body)).replace(" 《", "\n《")
        for part in body.split("\n"):
            if part.strip():
                lines[-1].append(nfc(join_ja_spaces(part.strip())))
    for initiative, text_lines in zip(initiatives, lines, strict=True):
        initiative.text = "\n".join(text_lines)
    return initiatives


def _unfinished(html: str, continuation: str) -> bool:
    """A paragraph cut by a page break: no sentence end before, no item heading after."""
    before = squash(strip_tags(html))
    return bool(before) and before[-1] not in "。.)）」" and continuation[:1] not in CIRCLED


def _report_text(sheet: Sheet, name: str, cell: str, headings: list[str]) -> str:
    """A 実績/課題/理由 cell plus the lines that continue it (page breaks, tables)."""
    extra = sheet.extra.get(name, [])
    html = cell
    open_p = cell.count("<p") > cell.count("</p>")
    pending_heading = ""
    for raw in extra:
        parts = [c for c in row_cells(raw) if c]
        if not parts:
            continue
        text = " ".join(parts)
        plain = squash(strip_tags(strip_markers(text)))
        if all(key(p) in key(html) for p in parts):
            continue  # a table repeated outside the cell's HTML
        if open_p or _unfinished(html, plain):
            html = re.sub(r"\s*</p>\s*$", "", html) + text + "</p>"
            open_p = False
        elif pending_heading:
            html += f"<p>{pending_heading} {text}</p>"
            pending_heading = ""
        elif plain and plain[0] in CIRCLED and "。" not in plain and len(plain) < 60:
            pending_heading = text
        else:
            html += f"<p>{text}</p>"
    if pending_heading:
        html += f"<p>{pending_heading}</p>"
    return nfc(prose(html, headings))


def build_measure(sheet: Sheet, summary_plan: str, summary_actual: str) -> Measure:
    """Turn a sheet's rows into a Measure (glossary terms and SDGs are filled in later)."""
    missing = [n for n in ("categories", "areas", "content") if n not in sheet.rows]
    if missing or sheet.plan_header is None:
        raise PlanParseError(
            "measure sheet is incomplete (missing rows: "
            + ", ".join(missing + ([] if sheet.plan_header else ["実施計画"]))
            + ")",
            line=sheet.end or sheet.line,
            measure=sheet.number,
        )
    categories_cell = sheet.rows["categories"][1]
    checked = {
        label
        for box, label in CHECKBOX.findall(" ".join(categories_cell))
        if box == "■" or "checked" in box
    }
    areas_row = sheet.rows["areas"][1]
    areas = [nfc(a.strip()) for a in _cell(sheet, "areas").split("、") if a.strip()]
    related = _after(areas_row, "関連計画")
    content_cell = strip_markers(_cell(sheet, "content"))
    blocks = cell_blocks(content_cell)
    split_at = next(
        (i for i, b in enumerate(blocks) if INITIATIVES_HEAD.search(b.text)), len(blocks)
    )
    content_blocks = blocks[:split_at]
    init_blocks = blocks[split_at + 1 :]
    if split_at < len(blocks):
        before, _, after = INITIATIVES_HEAD.split(blocks[split_at].text, maxsplit=1) + [""]
        if before.strip():
            content_blocks = content_blocks + [Block(before)]
        if after.strip():
            init_blocks = [Block(after.strip())] + init_blocks
    content = "\n\n".join(p for p in (nfc(prose(f"<p>{b.text}</p>")) for b in content_blocks) if p)
    initiatives = parse_initiatives(init_blocks)
    headings = [i.text.split("\n")[0] for i in initiatives]

    raw_plan = _year_values(sheet.plan_header, sheet.plan_values)
    raw_progress = _year_values(sheet.progress_header, sheet.progress_values)
    label_cells = [c for c in list(raw_plan.values()) + list(raw_progress.values()) if c]
    summary = [summary_plan, summary_actual]
    plan = {y: nfc(clean_label(raw_plan.get(y, ""), label_cells, summary)) for y in FISCAL_YEARS}

    reports: list[ProgressReport] = []
    for year in FISCAL_YEARS:
        label = nfc(clean_label(raw_progress.get(year, ""), label_cells, summary))
        if not label:
            continue
        report = ProgressReport(year, label)
        if year == sheet.report_year:
            report.achievements = _report_text(
                sheet, "achievements", _cell(sheet, "achievements"), headings
            )
            report.issues = _report_text(sheet, "issues", _cell(sheet, "issues"), headings)
            ev_line, ev_row = sheet.rows.get("evaluation", (sheet.end or sheet.line, []))
            after_label = _after(ev_row, "進捗評価")
            if "理由" in [c.replace(" ", "") for c in after_label]:
                reason_at = [c.replace(" ", "") for c in after_label].index("理由")
                ev_text = "".join(after_label[:reason_at]).replace(" ", "")
                reason_cell = " ".join(after_label[reason_at + 1 :])
            else:
                ev_text = "".join(after_label[:1]).replace(" ", "")
                reason_cell = " ".join(after_label[1:])
            if not ev_text:
                raise PlanParseError(
                    f"the {year} progress report has no 進捗評価",
                    line=ev_line,
                    measure=sheet.number,
                )
            if ev_text not in EVALUATIONS:
                raise PlanParseError(
                    f"unknown 進捗評価 {ev_text!r}", line=ev_line, measure=sheet.number
                )
            report.evaluation = EVALUATIONS[ev_text]
            report.reason = _report_text(sheet, "evaluation", reason_cell, headings)
        reports.append(report)

    return Measure(
        number=sheet.number,
        title=sheet.title,
        line=sheet.line,
        dx=sheet.dx,
        goal=sheet.goal,
        departments=sheet.departments,
        categories=[c for c in CATEGORY_LABELS if c in checked],
        policy_areas=areas,
        sdgs=[],
        related_plan=nfc(squash(related[0])) if related else "",
        situation=nfc(prose(_cell(sheet, "situation"))),
        content=content,
        initiatives=initiatives,
        expected_effects=nfc(prose(_cell(sheet, "effects"))),
        plan=plan,
        reports=reports,
    )
