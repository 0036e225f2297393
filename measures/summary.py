"""The three summary tables of the report (表1-1, 表1-2, 表1-3), computed from the measures."""

from itertools import groupby

from measures.models import DxPriority, published_measures
from measures.progress_overview import evaluation_trend


def reported_years(measures):
    """The fiscal years with at least one published evaluation, latest first."""
    years = {r.fiscal_year for m in measures for r in m.progress_reports.all() if r.evaluation}
    return sorted(years, reverse=True)


def chosen_year(value, years, default):
    """The year asked for (?year=) if a report exists for it, else the site's current year."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    return year if year in years else default


def summary_tables(home_page, requested_year=None):
    measures = list(published_measures(home_page))
    years = reported_years(measures)
    year = chosen_year(requested_year, years, home_page.report_fiscal_year)
    goals = {g.number: g for g in home_page.goals.all()}
    by_number = {m.number: m for m in measures}

    progress_rows = []
    for goal_number, goal_measures in groupby(measures, key=lambda m: m.goal):
        rows = []
        for measure in goal_measures:
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
        progress_rows.append({"goal": goals.get(goal_number), "rows": rows})

    priorities = DxPriority.objects.filter(locale_id=home_page.locale_id).prefetch_related(
        "measure_links"
    )
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
        "report_fiscal_year": year,
        "current_fiscal_year": home_page.report_fiscal_year,
        "reported_years": years,
        "progress_by_goal": progress_rows,
        "dx_groups": dx_groups,
    }
