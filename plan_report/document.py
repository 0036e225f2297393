"""The 実施計画調書 built from what is published: the same data the public pages show, laid out
like the city's report (cover, 目次, 基本方針, 基本目標, 表1-1〜1-3, one sheet per measure, 用語集).

HTML comes from a template; WeasyPrint turns it into an A4 tagged PDF with bookmarks per
measure and BIZ UD subsets embedded. Built files are kept in the default storage, one per
language and year, so the home page can offer the latest one.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Locale, Page

from fonts.cutting import source_path
from fonts.faces import JAPANESE, face_of
from glossary.models import SECTIONS, GlossaryTerm
from home.models import HomePage
from measures.models import PlanEntry
from measures.models.pages import SHEET_PARTS
from measures.summary import summary_tables

FORMATS = ("pdf", "html")


class ReportUnavailable(Exception):
    """No published home page in that language."""


@dataclass(frozen=True)
class BuiltReport:
    name: str
    content_date: datetime

    @property
    def url(self):
        return default_storage.url(self.name)


def _home_page(language):
    try:
        locale = Locale.objects.get(language_code=language)
    except Locale.DoesNotExist as error:
        raise ReportUnavailable(f"unknown locale {language!r}") from error
    home = HomePage.objects.live().filter(locale=locale).first()
    if home is None:
        raise ReportUnavailable(f"no published home page in {language!r}")
    return home


def font_sources(language):
    """The shipped source fonts of the language's face and BIZ UD (fonts.faces), for the
    document's @font-face rules: the PDF embeds them (WeasyPrint cuts its own subsets) whether or
    not the machine has the fonts installed."""
    return [
        {
            "family": face.family.removeprefix("Plan "),
            "weight": weight,
            "uri": source_path(stem).as_uri(),
        }
        for face in dict.fromkeys([face_of(language), JAPANESE])
        for weight, stem in face.sources.items()
    ]


def report_context(fiscal_year, language):
    home = _home_page(language)
    if not PlanEntry.objects.filter(page__locale=home.locale, fiscal_year=fiscal_year).exists():
        raise ReportUnavailable(f"the plan has no fiscal year {fiscal_year}")
    # 表1-2 reads the year from the home page: this copy of it reports on the year asked for.
    home.report_fiscal_year = fiscal_year
    tables = summary_tables(home, parts=SHEET_PARTS)  # each measure's sheet follows the tables
    terms = GlossaryTerm.objects.filter(locale=home.locale, live=True)
    glossary = [(s, [t for t in terms if t.section == s]) for s in SECTIONS]
    content_date = current_content_date(language) or timezone.now()
    return {
        **tables,
        "page": home,
        "fiscal_year": fiscal_year,
        "goals": list(home.goals.all()),
        "glossary": [(section, items) for section, items in glossary if items],
        "content_date": content_date,
        "font_sources": font_sources(language),
    }


def render_html(fiscal_year, language="ja"):
    with translation.override(language):
        context = report_context(fiscal_year, language)
        return render_to_string("plan_report/report.html", context), context["content_date"]


def render_pdf(fiscal_year, language="ja"):
    from weasyprint import HTML  # heavy: imported only when a PDF is made

    html, content_date = render_html(fiscal_year, language)
    pdf = HTML(string=html).write_pdf(pdf_tags=True)
    return pdf, content_date


def render(fiscal_year, output_format, language="ja"):
    """(bytes, content date) of the report in that format."""
    if output_format == "pdf":
        return render_pdf(fiscal_year, language)
    html, content_date = render_html(fiscal_year, language)
    return html.encode(), content_date


def storage_name(fiscal_year, language):
    return f"reports/{language}/oyama-ict-plan-{fiscal_year}.pdf"


def current_content_date(language):
    """When the newest page of that language was last published: the date a report holds."""
    home = _home_page(language)
    pages = Page.objects.live().filter(locale=home.locale).exclude(last_published_at=None)
    return pages.aggregate(latest=Max("last_published_at"))["latest"]


def _replace(name, content):
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, ContentFile(content))


def build_and_store(fiscal_year, language):
    """Make the PDF and keep it, with the date of the content it holds."""
    pdf, content_date = render_pdf(fiscal_year, language)
    return store(fiscal_year, language, pdf, content_date)


def store(fiscal_year, language, pdf, content_date):
    """Keep a PDF as the report of that year and language, holding the content of that date."""
    name = storage_name(fiscal_year, language)
    _replace(name, pdf)
    _replace(f"{name}.date", content_date.isoformat().encode())
    return BuiltReport(name=name, content_date=content_date)


def stored_report(fiscal_year, language):
    """The PDF built last for that year and language, or None."""
    name = storage_name(fiscal_year, language)
    if not (default_storage.exists(name) and default_storage.exists(f"{name}.date")):
        return None
    with default_storage.open(f"{name}.date") as stamp:
        content_date = datetime.fromisoformat(stamp.read().decode())
    return BuiltReport(name=name, content_date=content_date)


def up_to_date_report(fiscal_year, language):
    """The stored PDF if it holds the current content, else a newly built one."""
    stored = stored_report(fiscal_year, language)
    if stored is not None and stored.content_date == current_content_date(language):
        return stored
    return build_and_store(fiscal_year, language)
