"""The open-data downloads under /{lang}/open-data/, built from what is published."""

from django.http import FileResponse, Http404, HttpResponse
from wagtail.models import Locale

from home.models import HomePage
from measures.opendata import (
    PLAN_SCHEMA_PATH,
    build_plan_export,
    plan_csv_sjis,
    plan_csv_text,
    plan_json_text,
)


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
    response = HttpResponse(plan_json_text(data), content_type="application/json")
    response["Content-Disposition"] = 'inline; filename="plan.json"'
    return response


def plan_csv(request):
    export = build_plan_export(_published_home(request), request=request)
    response = HttpResponse(plan_csv_text(export), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="plan.csv"'
    return response


def plan_csv_shift_jis(request):
    """The Japanese CSV in Shift_JIS, for Excel in Japan; other languages need UTF-8."""
    home = _published_home(request)
    if home.locale.language_code != Locale.get_default().language_code:
        raise Http404("The Shift_JIS file is offered for the Japanese plan only.")
    content, _lost = plan_csv_sjis(build_plan_export(home, request=request))
    response = HttpResponse(content, content_type="text/csv; charset=Shift_JIS")
    response["Content-Disposition"] = 'attachment; filename="plan-sjis.csv"'
    return response


def plan_schema(request):
    return FileResponse(PLAN_SCHEMA_PATH.open("rb"), content_type="application/schema+json")
