"""Seeding the CMS from a parsed report.

The CMS is the source of truth: this load creates what is missing and never changes what
exists. An object that differs from the report is left alone and named in the report, so the
operator can propose the report's version for review with `import_plan --update`
(measures.importer.proposals). The whole load runs in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from glossary.models import GlossaryIndexPage, GlossaryTerm
from home.models import BasicGoal, HomePage, OpenDataPage
from home.tree import ensure_child
from measures.importer.document import PlanDocument
from measures.models import (
    CATEGORY_FIELDS,
    Department,
    DxPriority,
    DxPriorityMeasure,
    MainInitiative,
    MeasureDepartment,
    MeasureIndexPage,
    MeasurePage,
    PlanEntry,
    ProgressReport,
)
from measures.opendata import measure_record

CATEGORY_FIELD_BY_LABEL = {label: name for name, label in CATEGORY_FIELDS}
SECTION_PAGES = [
    (MeasureIndexPage, "measures", "施策一覧"),
    (GlossaryIndexPage, "glossary", "用語集"),
    (OpenDataPage, "open-data", "オープンデータ"),
]


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    proposed: list[str] = field(default_factory=list)
    left_alone: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self):
        return bool(self.created or self.proposed)

    def record(self, label, *, created, differences=()):
        """An object the import created, or one that exists (differing from the source or not)."""
        if created:
            self.created.append(label)
        elif differences:
            self.left_alone.append(f"{label} (differs in: {', '.join(differences)})")
        else:
            self.unchanged += 1


def load_plan(document: PlanDocument) -> LoadReport:
    """Create every page and snippet of the report that the site lacks; returns what happened."""
    report = LoadReport()
    with transaction.atomic():
        locale = Locale.get_default()
        home = _load_home(document, locale, report)
        sections = {
            slug: _section_page(home, cls, slug, title, report)
            for cls, slug, title in SECTION_PAGES
        }
        departments = _load_departments(document, locale, report)
        terms = _load_glossary(document, locale, report)
        for measure in document.measures:
            _load_measure(sections["measures"], measure, departments, terms, report)
        _load_dx_priorities(document, locale, report)
    return report


def _publish(page):
    page.save_revision(log_action=True).publish()


def home_values(document):
    """The home page's fields and its basic goals as the report has them."""
    values = {
        "title": document.title,
        "plan_title": document.title,
        "report_title": document.report_title,
        "published_label": document.published,
        "basic_policy": document.basic_policy,
        "slogan": document.slogan,
    }
    goals = [
        {
            "number": g.number,
            "title": g.title,
            "subtitle": g.subtitle,
            "explanation": g.explanation,
            "directions": "\n".join(g.directions),
        }
        for g in document.goals
    ]
    return values, goals


def home_differences(home, values, goals):
    differences = differing_fields(home, values)
    if goals and [{key: getattr(g, key) for key in goals[0]} for g in home.goals.all()] != goals:
        differences.append("goals")
    return differences


def assign_home(home, values, goals):
    for key, value in values.items():
        setattr(home, key, value)
    home.goals = [BasicGoal(sort_order=n, **g) for n, g in enumerate(goals)]


def _load_home(document, locale, report):
    _remove_placeholder_root()
    site = Site.objects.filter(is_default_site=True).first()
    existing = HomePage.objects.filter(locale=locale).first()
    values, goals = home_values(document)
    if existing is None:
        home, _created = ensure_child(
            Page.get_first_root_node(),
            HomePage,
            "home",
            locale=locale,
            goals=[BasicGoal(sort_order=n, **g) for n, g in enumerate(goals)],
            **values,
        )
        report.record("home", created=True)
    else:
        home = existing
        report.record("home", created=False, differences=home_differences(home, values, goals))
    _point_site_at(site, home, document.title)
    return home


def _remove_placeholder_root():
    """Wagtail's migrations create a 'Welcome' page; the plan's home page takes its place."""
    for page in Page.objects.filter(
        depth=2, content_type__model="page", content_type__app_label="wagtailcore"
    ):
        page.delete()


def _point_site_at(site, home, name):
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    values = {
        "hostname": base.hostname or "localhost",
        "port": base.port or (443 if base.scheme == "https" else 80),
        "root_page": home,
        "site_name": name,
    }
    if site is None:
        Site.objects.create(is_default_site=True, **values)
    elif site.root_page_id != home.pk:
        for key, value in values.items():
            setattr(site, key, value)
        site.save()


def _section_page(home, page_class, slug, title, report):
    page, created = ensure_child(home, page_class, slug, title=title)
    report.record(slug, created=created)
    return page


def _load_departments(document, locale, report):
    departments = {}
    for name in document.department_names():
        departments[name], created = Department.objects.get_or_create(locale=locale, name=name)
        report.record(f"department {name}", created=created)
    return departments


def glossary_values(entry, order):
    return {"section": entry.section, "definition": entry.definition, "sort_order": order}


def differing_fields(instance, values):
    return [key for key, value in values.items() if getattr(instance, key) != value]


def _load_glossary(document, locale, report):
    terms = {}
    for order, entry in enumerate(document.glossary):
        term = GlossaryTerm.objects.filter(locale=locale, term=entry.term).first()
        values = glossary_values(entry, order)
        label = f"glossary {entry.term}"
        if term is None:
            term = GlossaryTerm(locale=locale, term=entry.term, **values)
            term.save()
            report.record(label, created=True)
        else:
            report.record(label, created=False, differences=differing_fields(term, values))
        terms[entry.term] = term
    return terms


def _comparable_record(page, source_years):
    """The page as the open-data export shows it (measures.opendata), its yearly reports limited
    to the source's years: a report the CMS added for a later year is no difference from the
    source."""
    record = measure_record(page)
    for key in ("url", "last_published_at"):
        record.pop(key)
    record["reports"] = [r for r in record["reports"] if r["fiscal_year"] in source_years]
    for r in record["reports"]:
        r.pop("evaluation_label")
    record["actual"] = {
        year: label for year, label in record["actual"].items() if int(year) in source_years
    }
    record["glossary_terms"] = sorted(record["glossary_terms"])
    return record


def measure_differences(page, measure, departments, terms):
    """The names of the measure's fields where page and source disagree: the page is compared
    with an unsaved page made from the source, both as the export shows them."""
    wanted_page = MeasurePage(slug=str(measure.number))
    assign_measure(wanted_page, measure, departments, terms)
    years = {r.fiscal_year for r in measure.reports}
    current = _comparable_record(page, years)
    wanted = _comparable_record(wanted_page, years)
    return [key for key in wanted if current[key] != wanted[key]]


def _load_measure(index, measure, departments, terms, report):
    page = MeasurePage.objects.child_of(index).filter(number=measure.number).first()
    label = f"measure {measure.number}"
    if page is not None:
        report.record(
            label, created=False, differences=measure_differences(page, measure, departments, terms)
        )
        return
    page = MeasurePage(slug=str(measure.number))
    assign_measure(page, measure, departments, terms)
    index.add_child(instance=page)
    _publish(page)
    report.record(label, created=True)


def assign_measure(page, measure, departments, terms):
    """Set the source's version of every field; yearly reports of other years are kept."""
    page.title = measure.title
    page.number = measure.number
    page.dx = measure.dx
    page.goal = measure.goal
    for name, label in CATEGORY_FIELDS:
        setattr(page, name, label in measure.categories)
    page.policy_areas = "\n".join(measure.policy_areas)
    page.sdgs = list(measure.sdgs)
    page.related_plan = measure.related_plan
    page.situation = measure.situation
    page.content = measure.content
    page.expected_effects = measure.expected_effects
    page.department_links = [
        MeasureDepartment(department=departments[name], sort_order=n)
        for n, name in enumerate(measure.departments)
    ]
    page.initiatives = [
        _initiative(order, item, departments) for order, item in enumerate(measure.initiatives)
    ]
    page.plan_entries = [
        PlanEntry(fiscal_year=y, plan=t, sort_order=n)
        for n, (y, t) in enumerate(sorted(measure.plan.items()))
    ]
    page.progress_reports = _merged_reports(page, measure)
    page.glossary_terms = [terms[t] for t in measure.glossary_terms if t in terms]


def _initiative(order, item, departments):
    initiative = MainInitiative(
        sort_order=order,
        number=item.number,
        text=item.text,
        status=item.status,
        status_fiscal_year=item.fiscal_year,
    )
    initiative.departments = [departments[n] for n in item.departments]
    return initiative


def _merged_reports(page, measure):
    """The source's reports, with the page's reports of the years the source does not have."""
    reports = {r.fiscal_year: r for r in (page.progress_reports.all() if page.pk else [])}
    for r in measure.reports:
        reports[r.fiscal_year] = ProgressReport(
            fiscal_year=r.fiscal_year,
            progress_label=r.progress_label,
            achievements=r.achievements,
            issues=r.issues,
            evaluation=r.evaluation,
            reason=r.reason,
        )
    ordered = [reports[year] for year in sorted(reports)]
    for n, report in enumerate(ordered):
        report.sort_order = n
    return ordered


def dx_priority_links(item):
    return [
        {
            "measure_number": m.measure_number,
            "points": [{"level": level, "text": text} for level, text in m.points],
            "note": m.note,
        }
        for m in item.measures
    ]


def _load_dx_priorities(document, locale, report):
    for order, item in enumerate(document.dx_priorities):
        priority = DxPriority.objects.filter(
            locale=locale, group=item.group, number=item.number
        ).first()
        label = f"dx priority {item.number}"
        wanted = dx_priority_links(item)
        if priority is not None:
            current = [
                {"measure_number": link.measure_number, "points": link.points, "note": link.note}
                for link in priority.measure_links.all()
            ]
            differences = differing_fields(priority, {"title": item.title})
            report.record(
                label,
                created=False,
                differences=differences + (["measures"] if current != wanted else []),
            )
            continue
        priority = DxPriority(locale=locale, group=item.group, number=item.number)
        priority.title = item.title
        priority.sort_order = order
        priority.measure_links = [
            DxPriorityMeasure(sort_order=n, **w) for n, w in enumerate(wanted)
        ]
        priority.save()
        report.record(label, created=True)
