"""The three summary tables of the report (表1-1, 表1-2, 表1-3), computed from the measures."""

from itertools import groupby

from measures.models import DxPriority
from measures.queries import published_measures


def summary_tables(home_page):
    measures = list(published_measures(home_page))
    year = home_page.report_fiscal_year
    goals = {g.number: g for g in home_page.goals.all()}
    by_number = {m.number: m for m in measures}

    progress_rows = []
    for goal_number, goal_measures in groupby(measures, key=lambda m: m.goal):
        rows = []
        for measure in goal_measures:
            report = next(
                (r for r in measure.progress_reports.all() if r.fiscal_year == year), None
            )
            rows.append({"measure": measure, "plan": measure.plan_for(year), "report": report})
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
        "progress_by_goal": progress_rows,
        "dx_groups": dx_groups,
    }
