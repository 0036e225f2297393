"""The three summary tables of the report (表1-1, 表1-2, 表1-3), computed from the measures.

The report document lists every measure. The home page shows the first rows of each table
(`rows_per_table`) and links the measure list for the rest: the plan's measures all fit, and a
site of thousands of measures does not load them all to show its home page.
"""

from collections import Counter
from itertools import groupby

from django.db.models import Count

from measures.models import DxPriority, ProgressReport, published_measures
from measures.progress_overview import evaluation_trend

# Rows of each summary table on the home page: more than the plan will ever have.
HOME_TABLE_ROWS = 100
# What the tables show of a measure's parts: its departments, plan and reports (the report
# document, which prints each measure's sheet after them, asks for SHEET_PARTS).
TABLE_PARTS = ("department_links__department", "plan_entries", "progress_reports")


def reported_years(measures):
    """The fiscal years with at least one published evaluation of measures, latest first."""
    years = (
        ProgressReport.objects.filter(page__in=measures.order_by().values("pk"))
        .exclude(evaluation="")
        .order_by()
        .values_list("fiscal_year", flat=True)
        .distinct()
    )
    return sorted(years, reverse=True)


def chosen_year(value, years, default):
    """The year asked for (?year=) if a report exists for it, else the site's current year."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    return year if year in years else default


def summary_tables(home_page, requested_year=None, rows_per_table=None, parts=TABLE_PARTS):
    """The tables' rows; with rows_per_table, the first that many measures (in number order) in
    表1-1 and 表1-2, with how many measures each table, and each goal of 表1-2, leaves out. The
    measures come with the parts named (TABLE_PARTS, or SHEET_PARTS for whole sheets)."""
    published = published_measures(home_page).prefetch_related(None).prefetch_related(*parts)
    years = reported_years(published)
    year = chosen_year(requested_year, years, home_page.report_fiscal_year)
    goals = {g.number: g for g in home_page.goals.all()}
    measures = list(published if rows_per_table is None else published[:rows_per_table])
    goal_sizes = Counter(m.goal for m in measures)
    if rows_per_table is not None:
        goal_sizes = Counter(
            dict(
                published.prefetch_related(None)
                .order_by()
                .values_list("goal")
                .annotate(size=Count("pk"))
                .order_by()
            )
        )

    progress_rows = []
    for goal_number in sorted({m.goal for m in measures}):
        rows = []
        for measure in (m for m in measures if m.goal == goal_number):
            report = next(
                (r for r in measure.progress_reports.all() if r.fiscal_year == year), None
            )
            rows.append(
                {
                    "measure": measure,
                    "plan": measure.plan_for(year),
                    "report": report,
                    "trend": evaluation_trend(measure),
                }
            )
        progress_rows.append(
            {
                "goal": goals.get(goal_number),
                "number": goal_number,
                "rows": rows,
                "left_out": goal_sizes[goal_number] - len(rows),
            }
        )

    priorities = DxPriority.objects.filter(locale_id=home_page.locale_id).prefetch_related(
        "measure_links"
    )
    linked = {link.measure_number for p in priorities for link in p.measure_links.all()}
    # 表1-3 shows the latest evaluation of each measure it links.
    by_number = {
        m.number: m
        for m in published.prefetch_related(None)
        .prefetch_related("progress_reports")
        .filter(number__in=linked)
    }
    dx_groups = [
        {"group": group, "priorities": list(items)}
        for group, items in groupby(priorities, key=lambda p: p.group)
    ]
    for group in dx_groups:
        for priority in group["priorities"]:
            priority.measure_rows = [
                {"link": link, "measure": by_number.get(link.measure_number)}
                for link in priority.measure_links.all()
            ]

    return {
        "measures": measures,
        "measures_left_out": goal_sizes.total() - len(measures),
        "report_fiscal_year": year,
        "current_fiscal_year": home_page.report_fiscal_year,
        "reported_years": years,
        "progress_by_goal": progress_rows,
        "dx_groups": dx_groups,
    }
