"""A synthetic site for benchmarks: thousands of measure pages written from the plan's own words.

Each generated measure takes its sentences from the imported plan's measures in the same
language (so the text has the plan's vocabulary, lengths and mix of kana, kanji and Latin), a
title recombined from the plan's titles, a plain summary, initiatives, a department and a
progress report. Translations share the Japanese page's translation key, as real ones do.

Generated measures are numbered from FIRST_NUMBER up, so they never collide with the plan's and
a second run with the same count adds nothing. The search index is filled in bulk after each
batch rather than page by page, so an interrupted run leaves a consistent, searchable site.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from measures.models import (
    Department,
    Evaluation,
    MainInitiative,
    MeasureDepartment,
    MeasureIndexPage,
    MeasurePage,
    ProgressReport,
)
from search.documents import MEASURE_PARTS, measure_body
from search.index import updates_deferred

FIRST_NUMBER = 1000
BATCH = 200
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


def generate_measures(count: int, language_codes: list[str], seed: int = 2026) -> GenerationReport:
    """Makes measures FIRST_NUMBER … FIRST_NUMBER + count - 1 in every language given."""
    locales = [Locale.objects.get(language_code=code) for code in language_codes]
    vocabularies = {locale.pk: Vocabulary.of(locale) for locale in locales}
    indexes = {locale.pk: MeasureIndexPage.objects.get(locale=locale) for locale in locales}
    departments = {
        locale.pk: list(Department.objects.filter(locale=locale)) or list(Department.objects.all())
        for locale in locales
    }
    report = GenerationReport(created=dict.fromkeys(language_codes, 0))
    numbers = range(FIRST_NUMBER, FIRST_NUMBER + count)
    for start in range(0, count, BATCH):
        with updates_deferred(), transaction.atomic():
            for number in numbers[start : start + BATCH]:
                _generate_one(number, locales, vocabularies, indexes, departments, seed, report)
    return report


def _generate_one(number, locales, vocabularies, indexes, departments, seed, report):
    translation_key = None
    for locale in locales:
        existing = MeasurePage.objects.filter(locale=locale, number=number).first()
        if existing:
            report.existing += 1
            translation_key = existing.translation_key
            continue
        # The same seed per measure gives every language the same structure (goal, department).
        # Reproducible benchmark data, not secrets: the standard generator is the right one.
        rng = random.Random(f"{seed}-{number}-{locale.language_code}")  # noqa: S311
        structure = random.Random(f"{seed}-{number}")  # noqa: S311
        page = _measure_page(number, vocabularies[locale.pk], rng, structure, translation_key)
        page.locale = locale
        department = structure.choice(departments[locale.pk])
        page.department_links = [MeasureDepartment(department=department, locale=locale)]
        page.initiatives = [
            MainInitiative(number=n, text=vocabularies[locale.pk].paragraph(rng, 2), locale=locale)
            for n in range(1, structure.randint(2, 4))
        ]
        page.progress_reports = [
            ProgressReport(
                fiscal_year=2022,
                achievements=vocabularies[locale.pk].paragraph(rng, 3),
                issues=vocabularies[locale.pk].paragraph(rng, 1),
                evaluation=structure.choice(Evaluation.values),
                locale=locale,
            )
        ]
        _add_child_unvalidated(indexes[locale.pk], page)
        translation_key = page.translation_key
        report.created[locale.language_code] += 1


def _add_child_unvalidated(parent, page):
    """treebeard's add_child without Wagtail's full_clean, which refuses numbers above 99.

    Generated numbers are above the plan's 1–99 on purpose, so they never mix with real measures.
    """
    page.depth = parent.depth + 1
    last_child = parent.get_last_child()
    if last_child is None:
        page.path = parent._get_path(parent.path, page.depth, 1)
    else:
        page.path = last_child._inc_path()
    page.save(clean=False)
    parent.numchild += 1
    parent.save(update_fields=["numchild"], clean=False)


def _measure_page(number, vocabulary, rng, structure, translation_key):
    now = timezone.now()
    page = MeasurePage(
        title=vocabulary.title(rng, number),
        slug=str(number),
        number=number,
        goal=structure.randint(1, 4),
        dx=structure.random() < 0.3,
        plain_summary=vocabulary.paragraph(rng, 3),
        situation=vocabulary.paragraph(rng, 4),
        content=vocabulary.paragraph(rng, 4),
        expected_effects=vocabulary.paragraph(rng, 2),
        live=True,
        first_published_at=now,
        last_published_at=now,
    )
    if translation_key:
        page.translation_key = translation_key
    return page
