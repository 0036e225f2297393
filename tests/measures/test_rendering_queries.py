"""A measure sheet renders in the same number of queries however much it holds.

Templates that read a part per item (an initiative's departments, a department link's name, a
glossary term) add a query for each one; the count then grows with the measure. The counts are
taken on a second render, once the per-revision caches (ruby, glossary links) are filled.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glossary.models import GlossaryTerm
from measures.models import Department, MainInitiative, MeasureDepartment, MeasurePage

pytestmark = pytest.mark.django_db

# Measured on the imported plan: 16 for a Japanese sheet, 22 for a translated one (the
# translation status and the Japanese original's link), the page tree's memos (page_cache.tree)
# filled by the first render. A budget, so that a new per-page query is a decision rather than an
# accident.
QUERY_BUDGET = 24


def queries_for(client, page):
    client.get(page.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def parts(page):
    return page.initiatives.count() + page.department_links.count() + page.glossary_terms.count()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_largest_and_the_smallest_measure_take_the_same_queries(client, language):
    measures = list(MeasurePage.objects.live().filter(locale__language_code=language))
    smallest, largest = min(measures, key=parts), max(measures, key=parts)
    assert parts(largest) > parts(smallest) + 5
    assert queries_for(client, smallest) == queries_for(client, largest) <= QUERY_BUDGET


def test_a_measure_that_grows_takes_no_more_queries(client, measure):
    page = measure(6)
    before = queries_for(client, page)
    departments = list(Department.objects.filter(locale=page.locale)[:6])
    for number, department in enumerate(departments[3:], start=1):
        MeasureDepartment.objects.create(page=page, department=department, locale=page.locale)
        initiative = MainInitiative.objects.create(
            page=page, number=90 + number, text=f"追加の取組{number}", locale=page.locale
        )
        initiative.departments.set(departments[:number])
    page.glossary_terms.add(*GlossaryTerm.objects.filter(locale=page.locale)[:8])
    page = MeasurePage.objects.get(pk=page.pk)
    assert queries_for(client, page) == before
