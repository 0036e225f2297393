"""The one query every public view of the measures starts from."""

from measures.models import MeasurePage


def published_measures(root_page):
    """Live measures under root_page, in its language, in plan order, with their parts loaded."""
    return (
        MeasurePage.objects.live()
        .descendant_of(root_page)
        .filter(locale_id=root_page.locale_id)
        .order_by("number")
        .prefetch_related(
            "department_links__department",
            "initiatives__departments",
            "plan_entries",
            "progress_reports",
            "glossary_terms",
        )
    )
