"""A synthetic site for benchmarks: thousands of measure pages written from the plan's own words.

Each generated measure takes its sentences from the imported plan's measures in the same
language (so the text has the plan's vocabulary, lengths and mix of kana, kanji and Latin), a
title recombined from the plan's titles, a plain summary, initiatives, a five-year plan, a
department and a progress report. Translations share the Japanese page's translation key (and
their parts the source parts' keys), as real ones do.

Generated measures are numbered from FIRST_NUMBER up, so they never collide with the plan's and
a second run with the same count adds nothing.

Pages are written in bulk, a batch at a time, rather than through treebeard's add_child and
Wagtail's save (a path computation, a numchild update and a full save per page, far too slow for
thousands): the tree paths are computed here, the Page rows and the MeasurePage rows, their
parts and one published revision per page are inserted a model at a time, the index pages'
numchild is set once, and the batch is indexed in bulk before it commits, so an interrupted
run leaves a consistent, searchable site. What a publication sets off (history, font cuts,
notifications) is not run: nobody published these pages.
"""

from __future__ import annotations

import random
import re
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Locale, Page, Revision

from measures.models import (
    Department,
    Evaluation,
    MainInitiative,
    MeasureDepartment,
    MeasureIndexPage,
    MeasurePage,
    PlanEntry,
    ProgressReport,
)
from search.documents import MEASURE_PARTS, measure_body
from search.index import index_objects

FIRST_NUMBER = 1000
# Measures (in every language) written and indexed per transaction.
BATCH = 500
PLAN_YEARS = range(2021, 2026)
REPORT_YEAR = 2022
SENTENCE_END = re.compile(r"(?<=[。．.!?！？])\s*")


@dataclass
class Vocabulary:
    """The sentences and title pieces of one language's plan."""

    sentences: list[str]
    title_pieces: list[str]

    @classmethod
    def of(cls, locale: Locale) -> Vocabulary:
        measures = MeasurePage.objects.filter(locale=locale, number__lt=FIRST_NUMBER).live()
        sentences, pieces = [], []
        for measure in measures.prefetch_related(*MEASURE_PARTS):
            for text in measure_body(measure):
                sentences += [s for s in SENTENCE_END.split(" ".join(text.split())) if len(s) > 8]
            pieces += [p for p in re.split(r"[\s(（)）、・,]+", measure.title) if len(p) > 1]
        if not sentences:
            raise ValueError(f"no published measures in {locale.language_code} to learn from")
        return cls(sentences, pieces or ["施策"])

    def paragraph(self, rng: random.Random, count: int) -> str:
        joiner = "" if self.sentences[0][-1] in "。．" else " "
        return joiner.join(rng.choice(self.sentences) for _ in range(count))

    def title(self, rng: random.Random, number: int) -> str:
        first, second = rng.sample(self.title_pieces, 2)
        return f"{first} {second} {number}"


@dataclass
class GenerationReport:
    created: dict[str, int] = field(default_factory=dict)
    existing: int = 0


@dataclass
class Language:
    """What one language's measures are written from and filed under."""

    locale: Locale
    vocabulary: Vocabulary
    index: MeasureIndexPage
    departments: list


@dataclass
class Structure:
    """What every language's copy of one measure shares: its shape and translation keys."""

    number: int
    translation_key: uuid.UUID
    goal: int
    dx: bool
    department_index: int
    initiative_keys: list[uuid.UUID]
    evaluation: str

    @classmethod
    def of(cls, number: int, seed: int, translation_key=None) -> Structure:
        # Reproducible benchmark data, not secrets: the standard generator is the right one.
        rng = random.Random(f"{seed}-{number}")  # noqa: S311
        key = _key(rng)
        return cls(
            number=number,
            translation_key=translation_key or key,
            goal=rng.randint(1, 4),
            dx=rng.random() < 0.3,
            department_index=rng.randrange(1_000_000),
            initiative_keys=[_key(rng) for _ in range(rng.randint(1, 3))],
            evaluation=rng.choice(Evaluation.values),
        )

    def part_key(self, *names) -> uuid.UUID:
        return uuid.uuid5(self.translation_key, "-".join(str(name) for name in names))


def _key(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


@dataclass
class GeneratedMeasure:
    """A measure page not yet written, with its parts."""

    page: MeasurePage
    index: MeasureIndexPage
    parts: dict[type, list] = field(default_factory=dict)


def generate_measures(count: int, language_codes: list[str], seed: int = 2026) -> GenerationReport:
    """Makes measures FIRST_NUMBER … FIRST_NUMBER + count - 1 in every language given."""
    languages = [_language(Locale.objects.get(language_code=code)) for code in language_codes]
    numbers = range(FIRST_NUMBER, FIRST_NUMBER + count)
    existing = set()
    translation_keys = {}
    for locale_id, number, key in MeasurePage.objects.filter(
        number__range=(numbers[0], numbers[-1])
    ).values_list("locale_id", "number", "translation_key"):
        existing.add((locale_id, number))
        translation_keys[number] = key
    report = GenerationReport(created=dict.fromkeys(language_codes, 0))
    for start in range(0, count, BATCH):
        measures = []
        for number in numbers[start : start + BATCH]:
            structure = Structure.of(number, seed, translation_keys.get(number))
            for language in languages:
                if (language.locale.pk, number) in existing:
                    report.existing += 1
                    continue
                measures.append(_measure(structure, language, seed))
                report.created[language.locale.language_code] += 1
        if measures:
            with transaction.atomic():
                write_measures(measures)
    return report


def _language(locale: Locale) -> Language:
    # In the order of their translation keys, so that a measure has the same department in
    # every language.
    departments = Department.objects.order_by("translation_key")
    departments = list(departments.filter(locale=locale)) or list(
        departments.filter(locale=Locale.get_default())
    )
    return Language(
        locale=locale,
        vocabulary=Vocabulary.of(locale),
        index=MeasureIndexPage.objects.get(locale=locale),
        departments=departments,
    )


def _measure(structure: Structure, language: Language, seed: int) -> GeneratedMeasure:
    number, locale, vocabulary = structure.number, language.locale, language.vocabulary
    rng = random.Random(f"{seed}-{number}-{locale.language_code}")  # noqa: S311
    now = timezone.now()
    title = vocabulary.title(rng, number)
    page = MeasurePage(
        title=title,
        draft_title=title,
        slug=str(number),
        number=number,
        goal=structure.goal,
        dx=structure.dx,
        plain_summary=vocabulary.paragraph(rng, 3),
        situation=vocabulary.paragraph(rng, 4),
        content=vocabulary.paragraph(rng, 4),
        expected_effects=vocabulary.paragraph(rng, 2),
        locale=locale,
        translation_key=structure.translation_key,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        latest_revision_created_at=now,
        url_path=f"{language.index.url_path}{number}/",
        depth=language.index.depth + 1,
    )
    department = language.departments[structure.department_index % len(language.departments)]
    parts = {
        MeasureDepartment: [
            MeasureDepartment(
                department=department,
                locale=locale,
                sort_order=0,
                translation_key=structure.part_key("department"),
            )
        ],
        MainInitiative: [
            MainInitiative(
                number=n,
                text=vocabulary.paragraph(rng, 2),
                locale=locale,
                sort_order=n - 1,
                translation_key=key,
            )
            for n, key in enumerate(structure.initiative_keys, start=1)
        ],
        PlanEntry: [
            PlanEntry(
                fiscal_year=year,
                plan=rng.choice(vocabulary.sentences)[:255],
                locale=locale,
                sort_order=n,
                translation_key=structure.part_key("plan", year),
            )
            for n, year in enumerate(PLAN_YEARS)
        ],
        ProgressReport: [
            ProgressReport(
                fiscal_year=REPORT_YEAR,
                achievements=vocabulary.paragraph(rng, 3),
                issues=vocabulary.paragraph(rng, 1),
                evaluation=structure.evaluation,
                locale=locale,
                sort_order=0,
                translation_key=structure.part_key("report", REPORT_YEAR),
            )
        ],
    }
    return GeneratedMeasure(page=page, index=language.index, parts=parts)


def write_measures(measures: list[GeneratedMeasure]) -> None:
    """Inserts the measures as published pages under their index pages, and indexes them."""
    _place_in_tree(measures)
    pages = [measure.page for measure in measures]
    content_type = ContentType.objects.get_for_model(MeasurePage)
    base_rows = Page.objects.bulk_create([_base_row(page, content_type) for page in pages])
    for page, base_row in zip(pages, base_rows, strict=True):
        page.page_ptr_id = page.pk = base_row.pk
        page.content_type = content_type
    _insert_own_rows(MeasurePage, pages)
    for model in (MeasureDepartment, MainInitiative, PlanEntry, ProgressReport):
        parts = []
        for measure in measures:
            for part in measure.parts[model]:
                part.page = measure.page
            parts += measure.parts[model]
        model.objects.bulk_create(parts)
    _publish_first_revisions(measures, base_rows)
    for index in {measure.index.pk: measure.index for measure in measures}.values():
        Page.objects.filter(pk=index.pk).update(numchild=index.get_children().count())
    index_objects(MeasurePage, [page.pk for page in pages])


def _place_in_tree(measures):
    """Give each page the next free tree path under its index page, as add_child would."""
    next_step = {}
    for measure in measures:
        index = measure.index
        if index.pk not in next_step:
            last = (
                Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            next_step[index.pk] = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        measure.page.path = Page._get_path(index.path, index.depth + 1, next_step[index.pk])
        next_step[index.pk] += 1


def _base_row(page: MeasurePage, content_type) -> Page:
    values = {f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}
    values.pop("id")
    return Page(**{**values, "content_type_id": content_type.pk, "numchild": 0})


def _insert_own_rows(model, objects):
    """The model's own table's rows of multi-table objects whose parent rows exist already.

    Django's bulk_create refuses multi-table models; its insert of one table is what save()
    runs for the child table, here for many rows at once.
    """
    fields = model._meta.local_concrete_fields
    size = connection.ops.bulk_batch_size(fields, objects)
    for start in range(0, len(objects), size):
        model._base_manager._insert(objects[start : start + size], fields=fields)


def _publish_first_revisions(measures, base_rows):
    """One revision per page, its live one, as publishing a new page through Wagtail leaves."""
    content_type = ContentType.objects.get_for_model(MeasurePage)
    base_content_type = ContentType.objects.get_for_model(Page)
    revisions = []
    for measure in measures:
        page = measure.page
        _hold_in_memory(page, measure.parts)
        for initiative in measure.parts[MainInitiative]:
            _hold_in_memory(initiative, {})
        revisions.append(
            Revision(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=str(page.pk),
                created_at=page.latest_revision_created_at,
                content=page.serializable_data(),
                object_str=str(page),
            )
        )
    Revision.objects.bulk_create(revisions)
    for measure, base_row, revision in zip(measures, base_rows, revisions, strict=True):
        measure.page.latest_revision = measure.page.live_revision = revision
        base_row.latest_revision_id = base_row.live_revision_id = revision.pk
    Page.objects.bulk_update(base_rows, ["latest_revision", "live_revision"])


def _hold_in_memory(instance, parts):
    """Give the object its child objects (parts, by model; none of other kinds) in memory, so
    that serializing it for its revision reads no database row."""
    for relation in get_all_child_relations(instance):
        setattr(instance, relation.get_accessor_name(), parts.get(relation.related_model, []))
    for relation in get_all_child_m2m_relations(instance):
        setattr(instance, relation.name, [])
