"""Read 第3次小山市情報化基本計画 実施計画調書 (text extracted from the PDF) into a PlanDocument.

The layout work lives in sibling modules: `text` (debris and space rules), `sheets` (section 4's
measure sheets), `tables` (表1-1/1-2/1-3) and `glossary` (用語集 and `(*)` markers).
"""

from __future__ import annotations

import re

from .document import Goal, Measure, PlanDocument, PlanParseError, SummaryRow
from .glossary import TermMatcher, find_markers, guess_word, parse_glossary
from .sheets import GOAL_HEADING, build_measure, split_sheets, title_row
from .tables import parse_table_1_1, parse_table_1_2, parse_table_1_3
from .text import CIRCLED, join_ja_spaces, key, nfc, squash, strip_markers

EXPECTED_MEASURES = 24
_GARBAGE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffd]")
_GOAL_TITLE = re.compile(r"^(.*?)\s*～(.+?)～\s*$")


def parse_plan(text: str) -> PlanDocument:
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    _check_garbage(lines)
    lines = [nfc(line) for line in lines]
    warnings: list[str] = []

    sec = _sections(lines)
    title, report_title, published = _front_matter(lines, sec["toc"])
    basic_policy, slogan = _basic_policy(lines, sec["1"], sec["2"])
    goals = _goals(lines, sec["2"], sec["3"])
    _check_goal_headings(lines, goals, sec, warnings)

    t11 = parse_table_1_1(lines, sec["表1-1"], sec["表1-2"], warnings)
    t12 = parse_table_1_2(lines, sec["表1-2"], sec["表1-3"])
    dx_priorities, dx_refs = parse_table_1_3(lines, sec["表1-3"], sec["4"])

    glossary_at = sec.get("glossary")
    sheets = split_sheets(lines, sec["4"] + 1, glossary_at if glossary_at else len(lines))
    _check_sheet_numbers(sheets, lines, glossary_at)
    measures: list[Measure] = []
    for sheet in sheets:
        summary = t12.get(sheet.number, SummaryRow(sheet.number, "", 0))
        measures.append(build_measure(sheet, summary.plan_2022, summary.actual_2022))
    if glossary_at is None:
        raise PlanParseError(
            "the glossary (用語集) is missing; the text is truncated",
            line=len(lines),
            measure=measures[-1].number if measures else None,
        )
    glossary = parse_glossary(lines, glossary_at + 1, warnings)
    if not glossary:
        raise PlanParseError("the glossary (用語集) has no entries", line=glossary_at + 1)

    matcher = TermMatcher(glossary)
    _record_markers(lines, sheets, measures, matcher, sec["glossary"], warnings)
    for measure in measures:
        if measure.number in t11:
            measure.sdgs = list(t11[measure.number].sdgs)
    _cross_check(lines, measures, t11, t12, dx_refs, sec["toc"], sec["1"], warnings)

    return PlanDocument(
        title=title,
        report_title=report_title,
        published=published,
        basic_policy=basic_policy,
        slogan=slogan,
        goals=goals,
        measures=measures,
        dx_priorities=dx_priorities,
        glossary=glossary,
        warnings=warnings,
    )


# ---------------------------------------------------------------- structure


def _check_garbage(lines: list[str]) -> None:
    measure = None
    for idx, line in enumerate(lines):
        found = title_row(line)
        if found:
            measure = found[0]
        m = _GARBAGE.search(line)
        if m:
            raise PlanParseError(
                f"garbage character U+{ord(m.group(0)):04X} in the text",
                line=idx + 1,
                measure=measure,
            )


def _sections(lines: list[str]) -> dict[str, int]:
    """0-based indexes of the headings that divide the report."""
    wanted = {
        "toc": "目次",
        "1": "1. 情報化の基本方針",
        "2": "2. 情報化の基本目標",
        "3": "3. 情報化施策の進捗概要",
        "4": "4. 情報化施策の進捗詳細",
    }
    found: dict[str, int] = {}
    for idx, line in enumerate(lines):
        text = squash(line)
        for name, heading in wanted.items():
            if name not in found and text == heading:
                found[name] = idx
        for name in ("表1-1", "表1-2", "表1-3"):
            if name not in found and text.startswith(name + "."):
                found[name] = idx
        if "4" in found and "glossary" not in found and text.startswith("用語集"):
            found["glossary"] = idx
    order = ["toc", "1", "2", "3", "表1-1", "表1-2", "表1-3", "4"]
    for name in order:
        if name not in found:
            raise PlanParseError(
                f"heading {wanted.get(name, name)!r} not found; the text is truncated or damaged",
                line=len(lines),
            )
    return found


def _front_matter(lines: list[str], toc: int) -> tuple[str, str, str]:
    head = [squash(x) for x in lines[:toc] if squash(x)]
    published = next((x for x in head if re.fullmatch(r"令和\d+年\d+月", x)), "")
    if len(head) < 2:
        raise PlanParseError("title page missing", line=1)
    return head[0], head[1], published


def _prose_lines(lines: list[str]) -> list[str]:
    return [join_ja_spaces(squash(strip_markers(x))) for x in lines if squash(x)]


def _basic_policy(lines: list[str], start: int, end: int) -> tuple[str, str]:
    body = lines[start + 1 : end]
    split = next((i for i, x in enumerate(body) if squash(x) == "基本方針"), len(body))
    policy = _prose_lines(body[:split])
    slogan = [squash(x) for x in body[split + 1 :] if squash(x)]
    return "\n\n".join(policy), "\n".join(slogan)


def _goals(lines: list[str], start: int, end: int) -> list[Goal]:
    goals: list[Goal] = []
    expect_title = False
    for idx in range(start + 1, end):
        text = squash(lines[idx])
        if not text:
            continue
        m = re.fullmatch(r"【基本目標([①-⑳])】", text)
        if m:
            goals.append(Goal(CIRCLED.index(m.group(1)) + 1, "", "", "", []))
            expect_title = True
            continue
        if not goals:
            continue
        goal = goals[-1]
        if expect_title:
            t = _GOAL_TITLE.match(strip_markers(text))
            if not t:
                raise PlanParseError("goal title without ～subtitle～", line=idx + 1)
            goal.title, goal.subtitle = t.group(1), t.group(2)
            expect_title = False
        elif text.startswith("- ✓") or text.startswith("✓"):
            goal.directions.append(join_ja_spaces(strip_markers(text.split("✓", 1)[1]).strip()))
        else:
            para = join_ja_spaces(squash(strip_markers(text)))
            goal.explanation = (goal.explanation + "\n\n" + para).strip()
    if len(goals) != 4:
        raise PlanParseError(f"expected 4 基本目標, found {len(goals)}", line=start + 1)
    return goals


def _check_goal_headings(lines, goals, sec, warnings) -> None:
    """Goal headings outside section 2 (contents, 表1-2, section 4) against section 2."""
    by_number = {g.number: g for g in goals}
    regions = sorted(
        (sec[name], label)
        for name, label in [
            ("toc", "the table of contents"),
            ("1", "section 1"),
            ("表1-2", "表1-2"),
            ("表1-3", "表1-3"),
            ("4", "the measure section"),
        ]
    )
    for idx, line in enumerate(lines):
        if sec["2"] <= idx < sec["3"]:
            continue
        m = GOAL_HEADING.match(squash(line.split("\t")[0]))
        if not m:
            continue
        t = _GOAL_TITLE.match(squash(m.group(2)))
        goal = by_number.get(CIRCLED.index(m.group(1)) + 1)
        if not t or not goal:
            continue
        where = next((label for at, label in reversed(regions) if idx >= at), "the text")
        where = f"{where} (line {idx + 1})"
        if key(t.group(1)) != key(goal.title):
            warnings.append(
                f"goal {goal.number}: title {t.group(1)} in {where} differs from section 2's "
                f"{goal.title}; keeping section 2"
            )
        if t.group(2) != goal.subtitle:
            warnings.append(
                f"goal {goal.number}: subtitle ～{t.group(2)}～ in {where} differs from "
                f"section 2's ～{goal.subtitle}～; keeping section 2"
            )


def _check_sheet_numbers(sheets, lines, glossary_at) -> None:
    seen: dict[int, int] = {}
    for sheet in sheets:
        if sheet.number in seen:
            raise PlanParseError(
                f"measure number {sheet.number} appears twice (first at line {seen[sheet.number]})",
                line=sheet.line,
                measure=sheet.number,
            )
        seen[sheet.number] = sheet.line
    if sheets and glossary_at is None:
        last = sheets[-1]
        if "evaluation" not in last.rows:
            raise PlanParseError(
                "the text ends inside a measure sheet (no 進捗評価 row)",
                line=len(lines),
                measure=last.number,
            )
    if len(sheets) < EXPECTED_MEASURES:
        numbers = {s.number for s in sheets}
        missing = min(set(range(1, EXPECTED_MEASURES + 1)) - numbers)
        raise PlanParseError(
            f"found {len(sheets)} measure sheets, expected {EXPECTED_MEASURES} "
            f"(measure {missing} missing); the text is truncated",
            line=len(lines) if glossary_at is None else glossary_at + 1,
            measure=missing,
        )
    for expected, sheet in enumerate(sheets, start=1):
        if sheet.number != expected:
            raise PlanParseError(
                f"measure sheet numbered {sheet.number} where {expected} was expected",
                line=sheet.line,
                measure=sheet.number,
            )


def _record_markers(lines, sheets, measures, matcher, glossary_at, warnings) -> None:
    sheet_of: dict[int, Measure] = {}
    for sheet, measure in zip(sheets, measures, strict=True):
        for idx in range(sheet.line - 1, sheet.end):
            sheet_of[idx] = measure
    for idx in range(glossary_at):
        for before in find_markers(lines[idx]):
            term = matcher.match(before)
            if term is None:
                warnings.append(
                    f"line {idx + 1}: glossary marker after {guess_word(before)!r} "
                    "matches no glossary term"
                )
                continue
            measure = sheet_of.get(idx)
            if measure is not None and term not in measure.glossary_terms:
                measure.glossary_terms.append(term)


# ---------------------------------------------------------------- cross-checks


def _short(title: str) -> str:
    return re.sub(r"\s*[（(][^（）()]*[）)]\s*$", "", title)


def _cross_check(lines, measures, t11, t12, dx_refs, toc, sec1, warnings) -> None:
    toc_titles: dict[int, tuple[str, int]] = {}
    for idx in range(toc, sec1):
        m = re.match(r"^・(\d+)\)\s*(.+?)\s*$", lines[idx].split("\t")[0].strip())
        if m:
            toc_titles[int(m.group(1))] = (m.group(2), idx + 1)
    dx_numbers = {ref[0] for ref in dx_refs}
    for m in measures:
        n = m.number
        sources = []
        if n in toc_titles:
            sources.append(("the table of contents", *toc_titles[n], False))
        if n in t11:
            sources.append(("表1-1", t11[n].title, t11[n].line, False))
        if n in t12:
            sources.append(("表1-2", t12[n].title, t12[n].line, True))
        sources += [("表1-3", t, line, True) for num, t, _, line in dx_refs if num == n]
        for where, title, line, short in sources:
            mine = _short(m.title) if short else m.title
            if key(title) != key(mine) and key(title) != key(m.title):
                warnings.append(
                    f"measure {n}: {where} (line {line}) titles it {title}, the measure sheet "
                    f"{m.title}; keeping the measure sheet"
                )
        if n in t11 and t11[n].categories != m.categories:
            warnings.append(
                f"measure {n}: 表1-1 (line {t11[n].line}) marks categories "
                f"{' '.join(t11[n].categories)}, the measure sheet {' '.join(m.categories)}; "
                "keeping the measure sheet"
            )
        if n not in t11:
            warnings.append(f"measure {n}: no row in 表1-1, so no SDGs")
        if n in t12:
            _check_t12(m, t12[n], warnings)
        if m.dx != (n in dx_numbers):
            warnings.append(
                f"measure {n}: the measure sheet {'has' if m.dx else 'lacks'} 【自治体 DX】 "
                f"but 表1-3 {'omits' if m.dx else 'lists'} it"
            )
        report = next((r for r in m.reports if r.fiscal_year == 2022), None)
        for num, _, evaluation, line in dx_refs:
            if num == n and report and evaluation and _eval(evaluation) != report.evaluation:
                warnings.append(
                    f"measure {n}: 表1-3 (line {line}) evaluates it {evaluation}, the measure "
                    f"sheet {report.evaluation}; keeping the measure sheet"
                )


def _eval(text: str) -> str:
    from .sheets import EVALUATIONS

    return EVALUATIONS.get(text.replace(" ", ""), text)


def _check_t12(m: Measure, row: SummaryRow, warnings: list[str]) -> None:
    n = m.number
    if row.departments != m.departments:
        warnings.append(
            f"measure {n}: 表1-2 lists departments {' '.join(row.departments)}, "
            f"the measure sheet {' '.join(m.departments)}; keeping the measure sheet"
        )
    report = next((r for r in m.reports if r.fiscal_year == 2022), None)
    pairs = [
        ("plan", row.plan_2022, m.plan.get(2022, "")),
        ("actual", row.actual_2022, report.progress_label if report else ""),
        ("evaluation", _eval(row.evaluation_2022), report.evaluation if report else ""),
    ]
    names = {"plan": "2022 plan", "actual": "2022 progress", "evaluation": "2022 evaluation"}
    for what, theirs, mine in pairs:
        if key(theirs) != key(mine):
            warnings.append(
                f"measure {n}: 表1-2 (line {row.line}) gives the {names[what]} as {theirs}, "
                f"the measure sheet {mine}; keeping the measure sheet"
            )


__all__ = ["parse_plan", "PlanParseError"]
