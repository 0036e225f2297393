"""The summary tables of section 3: 表1-1, 表1-2 (SummaryRow) and 表1-3 (DxPriority)."""

from __future__ import annotations

import re

from .document import CATEGORY_LABELS, DxPriority, DxPriorityMeasure, SummaryRow
from .text import (
    CIRCLED,
    cell_blocks,
    circled_value,
    nfc,
    prose_text,
    squash,
    strip_markers,
    strip_tags,
)


def cells(line: str) -> list[str]:
    return [squash(c) for c in line.split("\t")]


def parse_table_1_1(lines: list[str], start: int, end: int, warnings: list[str]):
    """Rows of 表1-1: categories (○ columns), title, policy areas and SDGs."""
    rows: dict[int, SummaryRow] = {}
    for idx in range(start, end):
        row = cells(lines[idx])
        title_at = next((i for i, c in enumerate(row) if re.match(r"^\d+\s+\S", c)), None)
        if title_at is None or title_at < 4:
            continue
        m = re.match(r"^(\d+)\s+(.*)$", row[title_at])
        number = int(m.group(1))
        marks = row[title_at - 4 : title_at]
        sdgs = []
        for ch in "".join(row[title_at + 2 : title_at + 3]):
            if ch in CIRCLED:
                goal = circled_value(ch)
                if goal > 17:
                    warnings.append(
                        f"measure {number}: 表1-1 (line {idx + 1}) lists SDG {ch} ({goal}); "
                        "there are only 17 goals; dropping it"
                    )
                    continue
                sdgs.append(goal)
        rows[number] = SummaryRow(
            measure_number=number,
            title=nfc(squash(strip_markers(m.group(2)))),
            line=idx + 1,
            categories=[lab for lab, mark in zip(CATEGORY_LABELS, marks, strict=True) if mark],
            sdgs=sdgs,
        )
    return rows


def parse_table_1_2(lines: list[str], start: int, end: int) -> dict[int, SummaryRow]:
    rows: dict[int, SummaryRow] = {}
    for idx in range(start, end):
        row = cells(lines[idx])
        if len(row) >= 6 and re.fullmatch(r"\d+", row[0]):
            number = int(row[0])
            rows[number] = SummaryRow(
                measure_number=number,
                title=nfc(strip_markers(row[1])),
                line=idx + 1,
                departments=row[2].split(),
                plan_2022=nfc(squash(strip_markers(row[3]))),
                actual_2022=nfc(squash(strip_markers(row[4]))),
                evaluation_2022=nfc(row[5].replace(" ", "")),
            )
    return rows


_PRIORITY = re.compile(r"^[(（](\d+)[)）]\s*(.+)$")
_MEASURE_REF = re.compile(r"^(\d+)\s*\.\s*(.+?)\s*(（再掲）)?$")


def parse_table_1_3(
    lines: list[str], start: int, end: int
) -> tuple[list[DxPriority], list[tuple[int, str, str, int]]]:
    """表1-3 → DxPriority list, plus (measure, title, evaluation, line) for cross-checks."""
    priorities: list[DxPriority] = []
    refs: list[tuple[int, str, str, int]] = []
    group = ""
    for idx in range(start, end):
        row = cells(lines[idx])
        nonempty = [c for c in row if c]
        if not nonempty:
            continue
        if len(nonempty) == 1 and re.fullmatch(r"【.+】", nonempty[0]):
            group = nfc(nonempty[0][1:-1])
            continue
        if "第3次情報化基本計画の施策" in nonempty:
            continue
        if len(row) < 3:
            continue
        label, measure_cell, evaluation = row[0], row[1], row[2]
        m = _PRIORITY.match(label)
        if m:
            title = nfc(squash(strip_markers(m.group(2))))
            priorities.append(DxPriority(group, int(m.group(1)), title, []))
        if not priorities or not measure_cell:
            continue
        blocks = cell_blocks(strip_markers(measure_cell))
        head = blocks[0].text if blocks else ""
        ref = _MEASURE_REF.match(squash(strip_tags(head)))
        if not ref:
            continue
        points = [(b.level, prose_text(b.text)) for b in blocks[1:]]
        priorities[-1].measures.append(
            DxPriorityMeasure(
                measure_number=int(ref.group(1)),
                points=[(lv, t) for lv, t in points if t],
                note="再掲" if ref.group(3) else "",
            )
        )
        refs.append((int(ref.group(1)), nfc(ref.group(2)), nfc(evaluation), idx + 1))
    return priorities, refs
