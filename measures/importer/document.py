"""The report as plain data: what the parser reads out of the text, before any model is touched.

Every string is kept as the city wrote it (NFC), minus extraction debris. Fields that hold
several paragraphs separate them with a blank line, as the open-data schema does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FISCAL_YEARS = (2021, 2022, 2023, 2024, 2025)

CATEGORY_LABELS = ("スマート自治体", "未来社会創出", "デジタル行政", "情報基盤強化")


@dataclass
class GlossaryEntry:
    term: str
    section: str  # "あ行" … "わ行" or "A～Z"
    definition: str
    line: int


@dataclass
class Goal:
    number: int  # 1–4
    title: str
    subtitle: str  # without the surrounding ～
    explanation: str
    directions: list[str]


@dataclass
class Initiative:
    number: int  # ① → 1
    text: str
    departments: list[str]  # from 【課名】, split on ・
    status: str = "ongoing"  # ongoing | new | completed | abolished
    fiscal_year: int | None = None  # <完了 R4 年度> → 2022


@dataclass
class ProgressReport:
    fiscal_year: int
    progress_label: str  # 進捗実績 cell for that year
    achievements: str = ""  # 実績
    issues: str = ""  # 課題
    evaluation: str = ""  # on_track | slightly_delayed | delayed | "" (not evaluated)
    reason: str = ""  # 理由


@dataclass
class Measure:
    number: int
    title: str
    line: int  # line of the sheet's title row in the source
    dx: bool
    goal: int
    departments: list[str]  # lead department first
    categories: list[str]  # subset of CATEGORY_LABELS, in that order
    policy_areas: list[str]
    sdgs: list[int]
    related_plan: str
    situation: str
    content: str
    initiatives: list[Initiative]
    expected_effects: str
    plan: dict[int, str]  # fiscal year → 実施計画 cell
    reports: list[ProgressReport]  # one per fiscal year that has a 進捗実績 label
    glossary_terms: list[str] = field(default_factory=list)  # GlossaryEntry.term values


@dataclass
class DxPriorityMeasure:
    measure_number: int
    points: list[tuple[int, str]]  # (nesting level starting at 0, text)
    note: str = ""  # e.g. "再掲"


@dataclass
class DxPriority:
    group: str  # the 【…】 heading the item sits under
    number: int  # (1) → 1
    title: str
    measures: list[DxPriorityMeasure]


@dataclass
class SummaryRow:
    """A row of 表1-1 or 表1-2, kept only to cross-check the measure sheets."""

    measure_number: int
    title: str
    line: int
    departments: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    sdgs: list[int] = field(default_factory=list)
    plan_2022: str = ""
    actual_2022: str = ""
    evaluation_2022: str = ""


@dataclass
class PlanDocument:
    title: str
    report_title: str
    published: str  # 令和5年9月
    basic_policy: str  # 基本方針 prose, paragraphs separated by blank lines
    slogan: str
    goals: list[Goal]
    measures: list[Measure]
    dx_priorities: list[DxPriority]
    glossary: list[GlossaryEntry]
    warnings: list[str] = field(default_factory=list)  # contradictions inside the source

    def department_names(self) -> list[str]:
        """Every department the report names, on a sheet or beside an initiative, in order."""
        names = (
            name
            for m in self.measures
            for name in [*m.departments, *(d for i in m.initiatives for d in i.departments)]
        )
        return list(dict.fromkeys(names))


class PlanParseError(ValueError):
    """The text is not a readable report; names where reading stopped."""

    def __init__(self, message: str, *, line: int, measure: int | None = None):
        self.line = line
        self.measure = measure
        where = f"line {line}" + (f", measure {measure}" if measure is not None else "")
        super().__init__(f"{where}: {message}")
