"""Filtering the measure list by goal, category, department, evaluation and SDG, and cutting it
into pages: the database filters, counts and reads one page, so a list of thousands of measures
is never loaded whole."""

from django.core.paginator import Paginator
from django.db import connections
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from measures.sdgs import SDG_NAMES, all_sdgs
from measures.vocabulary import CATEGORY_FIELDS, Evaluation

# The largest value every supported database takes as an integer key (PostgreSQL's integer):
# a longer number in the address matches nothing instead of overflowing the query.
LARGEST_KEY = 2**31 - 1
MEASURES_PER_PAGE = 50


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
        measures = with_sdg(measures, sdg)
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


def with_sdg(measures, sdg: int):
    """The measures whose SDGs (a JSON list) include sdg."""
    if connections[measures.db].vendor == "postgresql":
        return measures.filter(sdgs__contains=[sdg])
    # SQLite has no containment lookup for JSON: its json_each lists the numbers.
    table = measures.model._meta.db_table
    listed = RawSQL(  # noqa: S611 - our own table's name; the number is a parameter
        f'SELECT "{table}"."page_ptr_id" FROM "{table}", json_each("{table}"."sdgs") '  # noqa: S608
        "WHERE json_each.value = %s",
        [sdg],
    )
    return measures.filter(pk__in=listed)


def measure_list_page(measures, params, per_page=MEASURES_PER_PAGE):
    """The page of the (filtered) measures that params ask for, with what its links need."""
    page = Paginator(measures, per_page).get_page(params.get("page"))
    return {"measures_page": page, "page_query": query_without_page(params)}


def query_without_page(params) -> str:
    """The query string of params less the page number, for the links to other pages."""
    kept = params.copy()
    kept.pop("page", None)
    return kept.urlencode()
