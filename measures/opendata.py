"""The open-data export (plan.json / plan.csv), in the schema fixed by CONTRACTS.md.

Only published content is exported: live pages, whose database rows hold what is public.
"""

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from glossary.models import GlossaryIndexPage, GlossaryTerm
from measures.importer.document import FISCAL_YEARS
from measures.models import published_measures

PLAN_SCHEMA_PATH = Path(__file__).parent / "data" / "plan.schema.json"
SOURCE = "第3次小山市情報化基本計画 実施計画調書（令和4年度実績） 令和5年9月 小山市"

FIELD_DESCRIPTIONS = [
    ("number", _("施策番号（1〜24）")),
    ("title", _("施策名")),
    ("url", _("施策ページのURL")),
    ("dx", _("自治体DXの取組かどうか（true / false）")),
    ("goal", _("基本目標の番号（1〜4）")),
    ("departments", _("担当課。先頭が主管課、続いて関係課")),
    ("categories", _("目標区分")),
    ("policy_areas", _("施策分野")),
    ("sdgs", _("関連する SDGs の番号")),
    ("related_plan", _("関連計画")),
    ("situation", _("現状・課題")),
    ("content", _("施策内容")),
    ("expected_effects", _("期待される効果")),
    ("initiatives", _("主な取組（番号、内容、担当課、状況、年度）")),
    ("plan", _("実施計画（年度ごと）")),
    ("actual", _("進捗実績（年度ごと）")),
    ("reports", _("年度ごとの実績・課題・進捗評価・理由")),
    ("glossary_terms", _("この施策が参照する用語")),
    ("last_published_at", _("最終公開日時（ISO 8601）")),
]


def measure_record(measure, request=None):
    reports = sorted(measure.progress_reports.all(), key=lambda r: r.fiscal_year)
    return {
        "number": measure.number,
        "title": measure.title,
        "url": measure.get_full_url(request),
        "dx": measure.dx,
        "goal": measure.goal,
        "departments": [d.name for d in measure.departments],
        "categories": measure.categories,
        "policy_areas": measure.policy_area_list,
        "sdgs": list(measure.sdgs),
        "related_plan": measure.related_plan,
        "situation": measure.situation,
        "content": measure.content,
        "expected_effects": measure.expected_effects,
        "initiatives": [
            {
                "number": i.number,
                "text": i.text,
                "departments": [d.name for d in measure.initiative_departments(i)],
                "status": i.status,
                "fiscal_year": i.status_fiscal_year,
            }
            for i in measure.initiatives.all()
        ],
        "plan": {str(e.fiscal_year): e.plan for e in measure.plan_entries.all()},
        "actual": {str(r.fiscal_year): r.progress_label for r in reports if r.progress_label},
        "reports": [
            {
                "fiscal_year": r.fiscal_year,
                "achievements": r.achievements,
                "issues": r.issues,
                "evaluation": r.evaluation,
                "evaluation_label": r.get_evaluation_display(),
                "reason": r.reason,
            }
            for r in reports
            if r.evaluation
        ],
        "glossary_terms": [t.term for t in measure.glossary_terms.all()],
        "last_published_at": measure.last_published_at.isoformat()
        if measure.last_published_at
        else None,
    }


def glossary_url(glossary_page, term, request=None):
    if glossary_page is None:
        return ""
    return f"{glossary_page.get_full_url(request)}#{term.anchor}"


def round_dates(fiscal_year):
    """Due and publication dates of the year's reporting round, both None without one.

    Looked up by name: the reporting app builds on the measures, not the other way round.
    """
    round_ = apps.get_model("reporting", "ReportingRound").objects.filter(fiscal_year=fiscal_year)
    round_ = round_.first()
    return {
        "report_due_date": round_.due_date.isoformat() if round_ else None,
        "report_published_at": round_.closed_at.isoformat()
        if round_ and round_.closed_at
        else None,
    }


def build_plan_export(home_page, request=None):
    """The whole published plan in home_page's language, as the open-data schema's dict."""
    # Labels such as evaluation_label follow the export's language, also from export_plan.
    with override(home_page.locale.language_code):
        return _plan_export(home_page, request)


def _plan_export(home_page, request):
    glossary_page = (
        GlossaryIndexPage.objects.live()
        .descendant_of(home_page)
        .filter(locale_id=home_page.locale_id)
        .first()
    )
    return {
        "plan": {
            "title": home_page.plan_title,
            "report_fiscal_year": home_page.report_fiscal_year,
            "locale": home_page.locale.language_code,
            "source": SOURCE,
            **round_dates(home_page.report_fiscal_year),
        },
        "goals": [
            {
                "number": g.number,
                "title": g.title,
                "subtitle": g.subtitle,
                "directions": g.direction_list,
            }
            for g in home_page.goals.all()
        ],
        "measures": [measure_record(m, request) for m in published_measures(home_page)],
        "glossary": [
            {
                "term": t.term,
                "section": t.section,
                "definition": t.definition,
                "url": glossary_url(glossary_page, t, request),
            }
            for t in GlossaryTerm.objects.filter(locale_id=home_page.locale_id, live=True)
        ],
    }


# The Japanese CSV is also offered in Shift_JIS (Windows-31J), which Excel in Japan opens without
# an import dialog; a character it cannot hold is written as "?" and counted (plan_csv_sjis).
SHIFT_JIS = "cp932"
BYTE_ORDER_MARK = "\ufeff"


def csv_header(fiscal_years, plan_years=FISCAL_YEARS):
    """The contract's columns, then each reported year's evaluation label and each plan year's
    plan and actual progress."""
    return [
        "number",
        "title",
        "goal",
        "dx",
        "departments",
        "categories",
        "sdgs",
        *[f"evaluation_{year}" for year in fiscal_years],
        "url",
        *[f"evaluation_label_{year}" for year in fiscal_years],
        *[f"plan_{year}" for year in plan_years],
        *[f"actual_{year}" for year in plan_years],
    ]


def csv_rows(export):
    """The CSV's header and rows: one row per measure, lists joined by ';'. Categories are shown
    in the export's language; evaluation codes stay the same in every language."""
    years = sorted({r["fiscal_year"] for m in export["measures"] for r in m["reports"]})
    with override(export["plan"]["locale"]):
        yield csv_header(years)
        for m in export["measures"]:
            reports = {r["fiscal_year"]: r for r in m["reports"]}
            yield [
                m["number"],
                m["title"],
                m["goal"],
                "true" if m["dx"] else "false",
                ";".join(m["departments"]),
                ";".join(gettext(category) for category in m["categories"]),
                ";".join(str(n) for n in m["sdgs"]),
                *[reports.get(year, {}).get("evaluation", "") for year in years],
                m["url"],
                *[reports.get(year, {}).get("evaluation_label", "") for year in years],
                *[m["plan"].get(str(year), "") for year in FISCAL_YEARS],
                *[m["actual"].get(str(year), "") for year in FISCAL_YEARS],
            ]


def plan_csv_text(export):
    """The CSV as text, starting with a byte-order mark so that Excel reads it as UTF-8."""
    return _csv_text(csv_rows(export))


def plan_csv_sjis(export):
    """(bytes, number of characters Shift_JIS cannot hold) of the CSV, without the mark."""
    return _shift_jis(plan_csv_text(export))


def _csv_text(rows):
    stream = io.StringIO()
    stream.write(BYTE_ORDER_MARK)
    csv.writer(stream).writerows(rows)
    return stream.getvalue()


def _shift_jis(csv_text):
    text = csv_text.removeprefix(BYTE_ORDER_MARK)
    lost = sum(count for character, count in Counter(text).items() if not _encodable(character))
    return text.encode(SHIFT_JIS, errors="replace"), lost


def _encodable(character):
    try:
        character.encode(SHIFT_JIS)
    except UnicodeEncodeError:
        return False
    return True


@dataclass
class Downloads:
    """What the open-data page says about its files: their sizes, date and first rows."""

    json_size: int
    csv_size: int
    csv_sjis_size: int | None  # the Japanese plan only
    csv_sjis_lost: int  # characters Shift_JIS could not hold, written as "?"
    updated_at: datetime | None
    preview_header: list[str]
    preview_rows: list[list]


def plan_json_text(export):
    """plan.json's body, as the view sends it."""
    return json.dumps(export, ensure_ascii=False, indent=2)


def describe_downloads(export, preview_rows=3):
    """The open-data page's facts about its files, each file made once."""
    rows = list(csv_rows(export))
    csv_text = _csv_text(rows)
    published = [m["last_published_at"] for m in export["measures"] if m["last_published_at"]]
    sjis = None
    lost = 0
    if export["plan"]["locale"] == settings.LANGUAGE_CODE:
        content, lost = _shift_jis(csv_text)
        sjis = len(content)
    return Downloads(
        json_size=len(plan_json_text(export).encode()),
        csv_size=len(csv_text.encode()),
        csv_sjis_size=sjis,
        csv_sjis_lost=lost,
        updated_at=datetime.fromisoformat(max(published)) if published else None,
        preview_header=rows[0],
        preview_rows=rows[1 : 1 + preview_rows],
    )
