"""Progress at a glance: how many measures are 計画通り, 少し遅延 and 遅延 in the report year,
overall, per basic goal and per lead department, and each measure's evaluations across years.

The charts and the tables beside them read the same figures from here, so a chart never says
anything its table does not. Bar geometry is worked out here (in the SVG's own units) so the
templates only place what they are given.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
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


def evaluation_counts(measures, fiscal_year, group):
    """{group's value: Counter(evaluation → number of measures)} in fiscal_year, counted by the
    database in one query: a list of thousands of measures is never loaded to count it."""
    # The models are reached through the measures' own, as the models module imports this one.
    report_model = measures.model._meta.get_field("progress_reports").related_model
    evaluation = (
        report_model.objects.filter(page=OuterRef("pk"), fiscal_year=fiscal_year)
        .exclude(evaluation="")
        .values("evaluation")[:1]
    )
    rows = (
        measures.prefetch_related(None)
        .order_by()
        .annotate(
            overview_group=group,
            overview_evaluation=Coalesce(Subquery(evaluation), Value(NOT_EVALUATED)),
        )
        .values("overview_group", "overview_evaluation")
        .annotate(overview_count=Count("pk", distinct=True))
    )
    counts = defaultdict(Counter)
    for row in rows:
        counts[row["overview_group"]][row["overview_evaluation"]] += row["overview_count"]
    return counts


def _in_report_order(counts):
    return {key: counts[key] for key, _label in evaluation_keys() if counts[key]}


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
    """All measures (a queryset), then one row per basic goal (goals: number → BasicGoal)."""
    counts = evaluation_counts(measures, fiscal_year, F("goal"))
    rows = [CountRow(_("すべての施策"), _in_report_order(sum(counts.values(), Counter())))]
    for number in sorted(counts):
        goal = goals.get(number)
        title = goal.title if goal else ""
        rows.append(
            CountRow(
                _("基本目標%(number)d：%(title)s") % {"number": number, "title": title},
                _in_report_order(counts[number]),
                filter_query=f"goal={number}",
            )
        )
    return Overview(fiscal_year=fiscal_year, rows=rows)


def overview_by_department(measures, fiscal_year):
    """One row per lead department (a measure's first), in the order of the departments' names."""
    links = measures.model._meta.get_field("department_links").related_model
    lead = links.objects.filter(page=OuterRef("pk")).order_by("sort_order", "pk")
    counts = evaluation_counts(measures, fiscal_year, Subquery(lead.values("department_id")[:1]))
    department_model = links._meta.get_field("department").related_model
    departments = department_model.objects.in_bulk([pk for pk in counts if pk is not None])
    rows = [
        CountRow(
            department.name,
            _in_report_order(counts[department.pk]),
            filter_query=f"department={department.pk}",
        )
        for department in sorted(departments.values(), key=lambda department: department.name)
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
