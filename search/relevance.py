"""Relevance sets: queries with the measures that must be in the top 5, and how a set scores.

The set lives in tests/search/relevance.tsv; the relevance test checks its score and the
`benchmark_search` command times its queries.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from measures.models import MeasurePage
from search.service import search_site

DEFAULT_SET = Path(settings.BASE_DIR) / "tests" / "search" / "relevance.tsv"
TOP = 5


@dataclass(frozen=True)
class RelevanceCase:
    language: str
    query: str
    expected: frozenset[int]
    kind: str


def parse_relevance_set(text: str) -> list[RelevanceCase]:
    cases = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise ValueError(f"line {number}: expected 4 tab-separated fields, got {len(fields)}")
        language, query, numbers, kind = fields
        expected = frozenset(int(n) for n in numbers.split(","))
        cases.append(RelevanceCase(language, query, expected, kind))
    return cases


def load_relevance_set(path: Path = DEFAULT_SET) -> list[RelevanceCase]:
    return parse_relevance_set(Path(path).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class CaseResult:
    case: RelevanceCase
    top_numbers: list[int]
    seconds: float
    # Processor time of this process (SQLite's work included), which programs running beside
    # it on the machine disturb less than the wall time.
    cpu_seconds: float = 0.0

    @property
    def found(self) -> frozenset[int]:
        return self.case.expected & set(self.top_numbers)


def run_case(case: RelevanceCase) -> CaseResult:
    """The query as the results page runs it; its top measures and how long the search took."""
    locale = Locale.objects.get(language_code=case.language)
    with translation.override(case.language):
        started, cpu_started = time.perf_counter(), time.process_time()
        outcome = search_site(case.query, locale)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    measure_numbers = dict(
        MeasurePage.objects.filter(pk__in=outcome.page_ids).values_list("pk", "number")
    )
    top = [measure_numbers[pk] for pk in outcome.page_ids if pk in measure_numbers][:TOP]
    return CaseResult(case, top, seconds, cpu_seconds)


def score(results: list[CaseResult]) -> float:
    """The share of expected measures found in their query's top 5."""
    expected = sum(len(result.case.expected) for result in results)
    return sum(len(result.found) for result in results) / expected if expected else 0.0
