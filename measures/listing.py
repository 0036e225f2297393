"""Filtering the measure list by goal, category, department, evaluation and SDG."""

from django.utils.translation import gettext as _

from measures.sdgs import SDG_NAMES, all_sdgs
from measures.vocabulary import CATEGORY_FIELDS, Evaluation

# The largest value every supported database takes as an integer key (PostgreSQL's integer):
# a longer number in the address matches nothing instead of overflowing the query.
LARGEST_KEY = 2**31 - 1


def _int_or_none(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if abs(number) <= LARGEST_KEY else None


def filtered_measures(measures, departments, params):
    """The measures (a queryset) narrowed by the list's filters in params, with the choices
    the filter form offers; departments are the list language's."""
    labels = []
    goal = _int_or_none(params.get("goal"))
    if goal:
        measures = measures.filter(goal=goal)
        labels.append(_("基本目標%(number)s") % {"number": goal})
    category = params.get("category")
    if category in dict(CATEGORY_FIELDS):
        measures = measures.filter(**{category: True})
        labels.append(_(dict(CATEGORY_FIELDS)[category]))
    department = _int_or_none(params.get("department"))
    if department:
        measures = measures.filter(department_links__department_id=department).distinct()
        labels.extend(d.name for d in departments if d.pk == department)
    evaluation = params.get("evaluation")
    if evaluation in Evaluation.values:
        measures = measures.filter(progress_reports__evaluation=evaluation).distinct()
        labels.append(str(Evaluation(evaluation).label))
    sdg = _int_or_none(params.get("sdg"))
    if sdg in SDG_NAMES:
        # The goals are a JSON list, which SQLite cannot search inside: pick them here.
        measures = measures.filter(pk__in=[m.pk for m in measures if sdg in m.sdgs])
        labels.append("SDGs " + _("ゴール%(number)s") % {"number": sdg})
    else:
        sdg = None
    return {
        "measures": measures,
        "filters": {
            "goal": goal,
            "category": category,
            "department": department,
            "evaluation": evaluation,
            "sdg": sdg,
        },
        "filter_labels": labels,
        "category_choices": CATEGORY_FIELDS,
        "department_choices": departments,
        "evaluation_choices": Evaluation.choices,
        "sdg_choices": all_sdgs(),
    }
