"""A new edition of the report, proposed to the review workflow (`import_plan --update`).

Each object where the edition and the site differ gets a draft revision with the edition's
version, written by the import's system user and submitted to the object's workflow: reviewers
approve (publish) or send back each one like any editor's change. Nothing is published here. An
object whose change is already under review is left alone, so no review is overtaken. Yearly
reports of years the edition does not contain (a report added in the CMS) are kept.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, WorkflowState

from glossary.models import GlossaryTerm
from home.models import HomePage
from measures.importer.document import PlanDocument
from measures.importer.loader import (
    LoadReport,
    _load_departments,
    _load_dx_priorities,
    assign_home,
    assign_measure,
    differing_fields,
    glossary_values,
    home_differences,
    home_values,
    measure_differences,
)
from measures.models import MeasureIndexPage, MeasurePage

# The author of every revision an import proposes; it cannot sign in.
SYSTEM_USERNAME = "plan-import"


def system_user():
    user, created = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"first_name": "計画の取り込み", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def submit_for_review(obj, user):
    """Save obj as a draft revision by user and submit it for review; never publishes.

    A change that was sent back (差し戻し) resumes its review, as the admin's editor does.
    """
    obj.save_revision(user=user, log_action=True)
    sent_back = WorkflowState.objects.for_instance(obj).filter(
        status=WorkflowState.STATUS_NEEDS_CHANGES
    )
    if state := sent_back.first():
        state.resume(user)
    elif workflow := obj.get_workflow():
        workflow.start(obj, user)


def under_review(obj):
    return obj.pk is not None and obj.workflow_in_progress


class Proposer:
    """Proposes each difference between a document and the site, recording it in a LoadReport."""

    def __init__(self, user, report):
        self.user = user
        self.report = report

    def propose(self, obj, label, differences, assign):
        if not differences:
            self.report.unchanged += 1
            return
        if under_review(obj):
            self.report.left_alone.append(f"{label} (a change is already under review)")
            return
        draft = obj.get_latest_revision_as_object()
        assign(draft)
        submit_for_review(draft, self.user)
        self.report.proposed.append(f"{label} ({', '.join(differences)})")


def propose_plan_update(document: PlanDocument) -> tuple[LoadReport, object]:
    """Turn every difference between document and the site into a draft submitted for review.

    The site must have been seeded (`import_plan`); returns the report and the system user.
    """
    report = LoadReport()
    with transaction.atomic():
        user = system_user()
        locale = Locale.get_default()
        proposer = Proposer(user, report)
        _propose_home(document, locale, proposer)
        departments = _load_departments(document, locale, report)
        terms = _propose_glossary(document, locale, proposer)
        index = MeasureIndexPage.objects.get(locale=locale)
        for measure in document.measures:
            _propose_measure(index, measure, departments, terms, proposer)
        # The DX priorities keep no revisions to review: missing ones are created, differing
        # ones are left alone and named, for the division to edit in the admin.
        _load_dx_priorities(document, locale, report)
    return report, user


def _propose_home(document, locale, proposer):
    home = HomePage.objects.get(locale=locale)
    values, goals = home_values(document)
    proposer.propose(
        home,
        "home",
        home_differences(home, values, goals),
        lambda draft: assign_home(draft, values, goals),
    )


def _propose_glossary(document, locale, proposer):
    terms = {}
    for order, entry in enumerate(document.glossary):
        values = glossary_values(entry, order)
        term = GlossaryTerm.objects.filter(locale=locale, term=entry.term).first()
        label = f"glossary {entry.term}"
        if term is None:
            term = GlossaryTerm(locale=locale, term=entry.term, live=False, **values)
            term.save()
            submit_for_review(term, proposer.user)
            proposer.report.proposed.append(f"{label} (new)")
        else:
            proposer.propose(
                term, label, differing_fields(term, values), lambda d, v=values: _assign(d, v)
            )
        terms[entry.term] = term
    return terms


def _assign(instance, values):
    for key, value in values.items():
        setattr(instance, key, value)


def _propose_measure(index, measure, departments, terms, proposer):
    page = MeasurePage.objects.child_of(index).filter(number=measure.number).first()
    label = f"measure {measure.number}"
    if page is None:
        page = MeasurePage(slug=str(measure.number), live=False)
        assign_measure(page, measure, departments, terms)
        index.add_child(instance=page)
        submit_for_review(page, proposer.user)
        proposer.report.proposed.append(f"{label} (new)")
        return
    proposer.propose(
        page,
        label,
        measure_differences(page, measure, departments, terms),
        lambda draft: assign_measure(draft, measure, departments, terms),
    )
