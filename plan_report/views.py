"""/{lang}/report.pdf: the 実施計画調書 of the home page's report year, built when stale."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.translation import get_language

from plan_report import document


def report_pdf(request):
    language = get_language()
    try:
        home = document._home_page(language)
        built = document.up_to_date_report(home.report_fiscal_year, language)
    except document.ReportUnavailable as error:
        raise Http404 from error
    filename = f"oyama-ict-plan-{home.report_fiscal_year}-{language}.pdf"
    return FileResponse(
        default_storage.open(built.name), content_type="application/pdf", filename=filename
    )
