"""Progress at a glance: how many measures are 計画通り, 少し遅延 and 遅延 in the report year,
overall, per basic goal and per lead department, and each measure's evaluations across years.

The charts and the tables beside them read the same figures from here, so a chart never says
anything its table does not. Bar geometry is worked out here (in the SVG's own units) so the
templates only place what they are given.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from measures.vocabulary import Evaluation

NOT_EVALUATED = "not_evaluated"
NOT_EVALUATED_LABEL = gettext_lazy("未評価")

# Width of a chart's bar area in SVG units; the longest row fills it.
BAR_WIDTH = 300


@dataclass(frozen=True)
class Segment:
    """One evaluation's part of a bar: its count, and where it sits in the SVG."""

    key: str
    label: str
    count: int
    x: float = 0
    width: float = 0

    @property
    def text(self):
        return ngettext("%(label)s %(count)d件", "%(label)s %(count)d件", self.count) % {
            "label": self.label,
            "count": self.count,
        }


@dataclass
class CountRow:
    """The evaluations of a group of measures (all, one goal, one department) in one year."""

    label: str
    counts: dict
    filter_query: str = ""
    segments: list = field(default_factory=list)

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def text(self):
        """The row's figures in words: the bar's text alternative."""
        return _("、").join(segment.text for segment in self.segments)

    def cells(self, keys):
        return [self.counts.get(key, 0) for key in keys]


@dataclass
class Overview:
    """Rows of counts for one fiscal year, with their bars laid out."""

    fiscal_year: int
    rows: list
    bar_width: int = BAR_WIDTH

    def __post_init__(self):
        lay_out(self.rows)

    @property
    def legend(self):
        """The evaluations that occur in the rows, in the report's order."""
        return [
            (key, label)
            for key, label in evaluation_keys()
            if any(row.counts.get(key) for row in self.rows)
        ]

    @property
    def table_rows(self):
        """(row, counts in the legend's order) for the table that repeats the chart."""
        keys = [key for key, _label in self.legend]
        return [(row, row.cells(keys)) for row in self.rows]


def evaluation_keys():
    """Every evaluation in the report's order, then 未評価."""
    return [*Evaluation.choices, (NOT_EVALUATED, NOT_EVALUATED_LABEL)]


def evaluation_in(measure, fiscal_year):
    """The measure's evaluation for fiscal_year, or NOT_EVALUATED."""
    for report in measure.progress_reports.all():
        if report.fiscal_year == fiscal_year and report.evaluation:
            return report.evaluation
    return NOT_EVALUATED


def count_row(label, measures, fiscal_year, filter_query=""):
    counts = Counter(evaluation_in(measure, fiscal_year) for measure in measures)
    ordered = {key: counts[key] for key, _label in evaluation_keys() if counts[key]}
    return CountRow(label=label, counts=ordered, filter_query=filter_query)


def lay_out(rows):
    """Give every row its bar segments, scaled so that the longest row fills BAR_WIDTH."""
    longest = max((row.total for row in rows), default=0) or 1
    unit = BAR_WIDTH / longest
    for row in rows:
        x = 0.0
        row.segments = []
        for key, label in evaluation_keys():
            count = row.counts.get(key, 0)
            if count:
                row.segments.append(
                    Segment(key=key, label=label, count=count, x=x, width=count * unit)
                )
                x += count * unit


def overview_by_goal(measures, goals, fiscal_year):
    """All measures, then one row per basic goal (goals: number → BasicGoal)."""
    measures = list(measures)
    rows = [count_row(_("すべての施策"), measures, fiscal_year)]
    for number in sorted({m.goal for m in measures}):
        goal = goals.get(number)
        title = goal.title if goal else ""
        rows.append(
            count_row(
                _("基本目標%(number)d：%(title)s") % {"number": number, "title": title},
                [m for m in measures if m.goal == number],
                fiscal_year,
                filter_query=f"goal={number}",
            )
        )
    return Overview(fiscal_year=fiscal_year, rows=rows)


def overview_by_department(measures, fiscal_year):
    """One row per lead department, in the order of the departments' names."""
    by_department = {}
    for measure in measures:
        department = measure.departments[0] if measure.departments else None
        if department is not None:
            by_department.setdefault(department, []).append(measure)
    rows = [
        count_row(
            department.name,
            department_measures,
            fiscal_year,
            filter_query=f"department={department.pk}",
        )
        for department, department_measures in sorted(
            by_department.items(), key=lambda item: item[0].name
        )
    ]
    return Overview(fiscal_year=fiscal_year, rows=rows)


@dataclass(frozen=True)
class TrendPoint:
    fiscal_year: int
    key: str
    label: str
    x: int


TREND_STEP = 20


def evaluation_trend(measure):
    """The measure's evaluation in each fiscal year it was evaluated, oldest first."""
    labels = dict(Evaluation.choices)
    reports = sorted(
        (r for r in measure.progress_reports.all() if r.evaluation), key=lambda r: r.fiscal_year
    )
    return [
        TrendPoint(
            fiscal_year=report.fiscal_year,
            key=report.evaluation,
            label=labels.get(report.evaluation, report.evaluation),
            x=index * TREND_STEP,
        )
        for index, report in enumerate(reports)
    ]
