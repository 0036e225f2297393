"""How the public pages' cost grows with the site: the same pages timed on sites of growing size.

The site grows by generated measures (search.synthetic) between rounds, so every round times
the same addresses on a larger site: a measure of the plan, the measure list (its first page,
and filtered), the home page with its summary tables, and a search. Each address is fetched
through the whole Django stack (middleware, templates) as a visitor's browser would, after a
warm-up; the median of the repeats and the number of database queries are kept.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from measures.models import MeasurePage
from search.synthetic import FIRST_NUMBER, generate_measures

SEARCH_QUERIES = {"ja": "オープンデータ", "en": "open data"}


def scenarios(language: str) -> dict[str, str]:
    """What is timed: a name for each address of the site in language."""
    query = SEARCH_QUERIES.get(language, SEARCH_QUERIES["en"])
    return {
        "measure page": f"/{language}/measures/5/",
        "measure list": f"/{language}/measures/",
        "measure list, filtered": f"/{language}/measures/?goal=2&evaluation=on_track",
        "measure list, page 2": f"/{language}/measures/?page=2",
        "home page (summary tables)": f"/{language}/",
        "search": f"/{language}/search/?q={query}",
    }


@dataclass(frozen=True)
class Timing:
    milliseconds: float  # the median wall time
    cpu_milliseconds: float  # the median processor time of this process (SQLite's work included)
    queries: int


@dataclass
class Round:
    measures: int  # generated measures per language
    pages: int  # live measure pages in the language timed
    timings: dict[str, Timing] = field(default_factory=dict)


def time_address(client: Client, address: str, repeat: int) -> Timing:
    client.get(address)  # warm-up: caches, compiled templates, database pages
    durations, processor_times = [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started, processor_started = time.perf_counter(), time.process_time()
            response = client.get(address)
            durations.append(time.perf_counter() - started)
            processor_times.append(time.process_time() - processor_started)
        if response.status_code != 200:
            raise RuntimeError(f"{address} answered {response.status_code}")
    return Timing(
        statistics.median(durations) * 1000,
        statistics.median(processor_times) * 1000,
        len(queries.captured_queries),
    )


def measure_round(size: int, languages: list[str], repeat: int) -> Round:
    """Grow the site to size generated measures per language, then time every address."""
    generate_measures(size, languages)
    language = languages[0]
    pages = MeasurePage.objects.live().filter(locale__language_code=language).count()
    result = Round(measures=size, pages=pages)
    client = Client()
    with translation.override(language):
        for name, address in scenarios(language).items():
            result.timings[name] = time_address(client, address, repeat)
    return result


def generated_count(language: str) -> int:
    return MeasurePage.objects.filter(
        locale__language_code=language, number__gte=FIRST_NUMBER
    ).count()


def growth(rounds: list[Round], name: str, attribute: str = "milliseconds") -> float:
    first = getattr(rounds[0].timings[name], attribute)
    last = getattr(rounds[-1].timings[name], attribute)
    return last / first if first else float("inf")


def table(rounds: list[Round]) -> list[str]:
    """The rounds as text: one row per address, one column per site size, then the growth from
    the first to the last (of the wall time, and of the processor time, which other programs
    running on the machine disturb less)."""
    names = list(rounds[0].timings)
    width = max(len(name) for name in names)
    header = [f"{round_.measures:,} measures ({round_.pages:,} pages)" for round_ in rounds]
    cells = {
        name: [
            f"{t.milliseconds:.1f} ms (cpu {t.cpu_milliseconds:.1f}), {t.queries} q"
            for t in (round_.timings[name] for round_ in rounds)
        ]
        for name in names
    }
    columns = [
        max(len(header[n]), *(len(cells[name][n]) for name in names)) for n in range(len(rounds))
    ]

    def line(first, texts, last):
        padded = [text.rjust(size) for text, size in zip(texts, columns, strict=True)]
        return " | ".join([first.ljust(width), *padded, last])

    lines = [line("", header, "growth (wall, cpu)")]
    for name in names:
        wall, cpu = growth(rounds, name), growth(rounds, name, "cpu_milliseconds")
        lines.append(line(name, cells[name], f"{wall:.2f}×, {cpu:.2f}×"))
    return lines
