"""The open-data downloads under /{lang}/open-data/, built from what is published."""

from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from wagtail.models import Locale

from home.models import HomePage
from measures.opendata import PLAN_SCHEMA_PATH, build_plan_export, write_plan_csv


def _published_home(request):
    """The home page in the visitor's language, or the Japanese one while it is untranslated."""
    pages = HomePage.objects.live()
    home = (
        pages.filter(locale=Locale.get_active()).first()
        or pages.filter(locale=Locale.get_default()).first()
    )
    if home is None:
        raise Http404("The plan has not been published yet.")
    return home


def plan_json(request):
    data = build_plan_export(_published_home(request), request=request)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'inline; filename="plan.json"'
    return response


def plan_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="plan.csv"'
    write_plan_csv(build_plan_export(_published_home(request), request=request), response)
    return response


def plan_schema(request):
    return FileResponse(PLAN_SCHEMA_PATH.open("rb"), content_type="application/schema+json")
