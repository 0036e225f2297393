"""benchmark_search: query latency over the relevance set (median, p95), and reindexing time."""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from wagtail.search.backends import get_search_backend

from glossary.models import GlossaryTerm
from measures.models import MeasurePage
from search.documents import MEASURE_PARTS
from search.relevance import DEFAULT_SET, load_relevance_set, run_case, score
from search.service import SEARCHED_PAGE_TYPES
from search.synthetic import FIRST_NUMBER


class Command(BaseCommand):
    help = (
        "Times every query of the relevance set as the results page runs it and prints the "
        "median and 95th percentile; --reindex also times rebuilding the plan's index."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queries", default=str(DEFAULT_SET), help="a relevance set (TSV)")
        parser.add_argument("--repeat", type=int, default=3, help="runs of each query")
        parser.add_argument("--reindex", action="store_true")

    def handle(self, *args, queries, repeat, reindex, **options):
        try:
            cases = load_relevance_set(queries)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {queries}: {error}") from error
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        if reindex:
            self.stdout.write(f"reindexing the plan: {self._reindex():.2f} s")
        for case in cases:  # warm-up: dictionaries, caches, database pages
            run_case(case)
        results = [run_case(case) for _ in range(repeat) for case in cases]
        pages = MeasurePage.objects.live().count()
        self.stdout.write(f"{len(cases)} queries × {repeat} on {pages} live measure pages:")
        for label, attribute in (("wall", "seconds"), ("processor", "cpu_seconds")):
            timings = sorted(getattr(result, attribute) * 1000 for result in results)
            self.stdout.write(
                f"  {label}: median {statistics.median(timings):.1f} ms, "
                f"p95 {timings[int(0.95 * (len(timings) - 1))]:.1f} ms, max {timings[-1]:.1f} ms"
            )
        self.stdout.write(f"relevance: {score(results[: len(cases)]):.1%} in the top 5")

    def _reindex(self):
        backend = get_search_backend()
        started = time.perf_counter()
        for model in SEARCHED_PAGE_TYPES:
            objects = model.objects.all()
            if model is MeasurePage:
                objects = objects.filter(number__lt=FIRST_NUMBER).prefetch_related(*MEASURE_PARTS)
            backend.add_bulk(model, list(objects))
        backend.add_bulk(GlossaryTerm, list(GlossaryTerm.objects.all()))
        return time.perf_counter() - started
