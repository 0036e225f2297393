"""Filtering the measure list by goal, category, department and evaluation."""

from measures.models import CATEGORY_FIELDS, Department, Evaluation
from measures.queries import published_measures

# The largest value every supported database takes as an integer key (PostgreSQL's integer):
# a longer number in the address matches nothing instead of overflowing the query.
LARGEST_KEY = 2**31 - 1


def _int_or_none(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if abs(number) <= LARGEST_KEY else None


def filtered_measures(index_page, params):
    measures = published_measures(index_page)
    goal = _int_or_none(params.get("goal"))
    if goal:
        measures = measures.filter(goal=goal)
    category = params.get("category")
    if category in dict(CATEGORY_FIELDS):
        measures = measures.filter(**{category: True})
    department = _int_or_none(params.get("department"))
    if department:
        measures = measures.filter(department_links__department_id=department).distinct()
    evaluation = params.get("evaluation")
    if evaluation in Evaluation.values:
        measures = measures.filter(progress_reports__evaluation=evaluation).distinct()
    return {
        "measures": measures,
        "filters": {
            "goal": goal,
            "category": category,
            "department": department,
            "evaluation": evaluation,
        },
        "category_choices": CATEGORY_FIELDS,
        "department_choices": Department.objects.filter(locale_id=index_page.locale_id),
        "evaluation_choices": Evaluation.choices,
    }
