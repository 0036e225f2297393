"""Writing a parsed report into the CMS.

The whole load runs in one transaction. Every object is compared with what is already there and
touched only when it differs, so that loading the same report twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from glossary.models import GlossaryIndexPage, GlossaryTerm
from home.models import BasicGoal, HomePage, OpenDataPage
from measures.importer.document import Measure, PlanDocument
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
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self):
        return bool(self.created or self.updated)

    def record(self, label, *, created, changed):
        if created:
            self.created.append(label)
        elif changed:
            self.updated.append(label)
        else:
            self.unchanged += 1


def load_plan(document: PlanDocument) -> LoadReport:
    """Create or update every page and snippet of the report; returns what changed."""
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


def _load_home(document, locale, report):
    _remove_placeholder_root()
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locale).first()
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
    created = home is None
    if created:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(slug="home", locale=locale, **values))
    current_goals = (
        [{key: getattr(g, key) for key in goals[0]} for g in home.goals.all()] if goals else []
    )
    changed = (
        created or any(getattr(home, k) != v for k, v in values.items()) or current_goals != goals
    )
    if changed:
        for key, value in values.items():
            setattr(home, key, value)
        home.goals = [BasicGoal(sort_order=n, **g) for n, g in enumerate(goals)]
        _publish(home)
    _point_site_at(site, home, document.title)
    report.record("home", created=created, changed=changed)
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
    page = page_class.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        page = home.add_child(instance=page_class(title=title, slug=slug))
        _publish(page)
        report.record(slug, created=True, changed=True)
    else:
        report.record(slug, created=False, changed=False)
    return page


def _load_departments(document, locale, report):
    departments = {}
    for name in document.department_names():
        departments[name], created = Department.objects.get_or_create(locale=locale, name=name)
        report.record(f"department {name}", created=created, changed=False)
    return departments


def _load_glossary(document, locale, report):
    terms = {}
    for order, entry in enumerate(document.glossary):
        term = GlossaryTerm.objects.filter(locale=locale, term=entry.term).first()
        values = {"section": entry.section, "definition": entry.definition, "sort_order": order}
        created = term is None
        changed = created or any(getattr(term, k) != v for k, v in values.items())
        if created:
            term = GlossaryTerm(locale=locale, term=entry.term)
        if changed:
            for key, value in values.items():
                setattr(term, key, value)
            term.save()
        report.record(f"glossary {entry.term}", created=created, changed=changed)
        terms[entry.term] = term
    return terms


def _wanted_record(measure: Measure):
    """The measure as the open-data export would show it, to compare with what is published."""
    return {
        "number": measure.number,
        "title": measure.title,
        "dx": measure.dx,
        "goal": measure.goal,
        "departments": measure.departments,
        "categories": measure.categories,
        "policy_areas": measure.policy_areas,
        "sdgs": measure.sdgs,
        "related_plan": measure.related_plan,
        "situation": measure.situation,
        "content": measure.content,
        "expected_effects": measure.expected_effects,
        "initiatives": [
            {
                "number": i.number,
                "text": i.text,
                "departments": sheet_order(i.departments, measure.departments),
                "status": i.status,
                "fiscal_year": i.fiscal_year,
            }
            for i in measure.initiatives
        ],
        "plan": {str(year): text for year, text in sorted(measure.plan.items())},
        "actual": {
            str(r.fiscal_year): r.progress_label for r in measure.reports if r.progress_label
        },
        "reports": [
            {
                "fiscal_year": r.fiscal_year,
                "achievements": r.achievements,
                "issues": r.issues,
                "evaluation": r.evaluation,
                "reason": r.reason,
            }
            for r in sorted(measure.reports, key=lambda r: r.fiscal_year)
            if r.evaluation
        ],
        "glossary_terms": sorted(measure.glossary_terms),
    }


def sheet_order(names, sheet_departments):
    """Initiative departments as the page keeps them: in the sheet's order, others after."""
    position = {name: n for n, name in enumerate(sheet_departments)}
    return sorted(names, key=lambda name: (position.get(name, len(position)), name))


def _current_record(page):
    record = measure_record(page)
    for key in ("url", "last_published_at"):
        record.pop(key)
    for r in record["reports"]:
        r.pop("evaluation_label")
    record["glossary_terms"] = sorted(record["glossary_terms"])
    return record


def _load_measure(index, measure, departments, terms, report):
    page = MeasurePage.objects.child_of(index).filter(number=measure.number).first()
    created = page is None
    if not created and _current_record(page) == _wanted_record(measure):
        report.record(f"measure {measure.number}", created=False, changed=False)
        return
    page = page or MeasurePage(slug=str(measure.number))
    _assign_measure(page, measure, departments, terms)
    if created:
        index.add_child(instance=page)
    _publish(page)
    report.record(f"measure {measure.number}", created=created, changed=True)


def _assign_measure(page, measure, departments, terms):
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
    initiatives = []
    for order, item in enumerate(measure.initiatives):
        initiative = MainInitiative(
            sort_order=order,
            number=item.number,
            text=item.text,
            status=item.status,
            status_fiscal_year=item.fiscal_year,
        )
        initiative.departments = [departments[n] for n in item.departments]
        initiatives.append(initiative)
    page.initiatives = initiatives
    page.plan_entries = [
        PlanEntry(fiscal_year=y, plan=t, sort_order=n)
        for n, (y, t) in enumerate(sorted(measure.plan.items()))
    ]
    page.progress_reports = [
        ProgressReport(
            sort_order=n,
            fiscal_year=r.fiscal_year,
            progress_label=r.progress_label,
            achievements=r.achievements,
            issues=r.issues,
            evaluation=r.evaluation,
            reason=r.reason,
        )
        for n, r in enumerate(sorted(measure.reports, key=lambda r: r.fiscal_year))
    ]
    page.glossary_terms = [terms[t] for t in measure.glossary_terms if t in terms]


def _load_dx_priorities(document, locale, report):
    for order, item in enumerate(document.dx_priorities):
        priority = DxPriority.objects.filter(
            locale=locale, group=item.group, number=item.number
        ).first()
        wanted = [
            {
                "measure_number": m.measure_number,
                "points": [{"level": level, "text": text} for level, text in m.points],
                "note": m.note,
            }
            for m in item.measures
        ]
        created = priority is None
        current = (
            []
            if created
            else [
                {"measure_number": link.measure_number, "points": link.points, "note": link.note}
                for link in priority.measure_links.all()
            ]
        )
        changed = (
            created
            or priority.title != item.title
            or priority.sort_order != order
            or current != wanted
        )
        if changed:
            priority = priority or DxPriority(locale=locale, group=item.group, number=item.number)
            priority.title = item.title
            priority.sort_order = order
            priority.measure_links = [
                DxPriorityMeasure(sort_order=n, **w) for n, w in enumerate(wanted)
            ]
            priority.save()
        report.record(f"dx priority {item.number}", created=created, changed=changed)
