"""Public traffic: concurrent clients, each requesting one page after another until told to stop.

Each client picks the next URL at random from the mix (every kind as likely as another, then any
URL of that kind) and waits for the whole answer before the next, as a reader does. An answer of
5xx, a refused or broken connection and a timeout are errors; the figures are kept per kind.
"""

import http.client
import math
import random
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from operations.loadtest.browser import Browser


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    return sorted_values[max(0, math.ceil(fraction * len(sorted_values)) - 1)]


@dataclass
class Figures:
    """What every request of the run came to, shared by the clients' threads."""

    seconds: dict = field(default_factory=lambda: defaultdict(list))
    statuses: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    errors: list = field(default_factory=list)  # 5xx answers and failed connections
    unanswered: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind, path, response=None, error=None):
        with self.lock:
            if error is not None:
                self.unanswered += 1
                self.errors.append(f"{kind} {path}: {error.__class__.__name__}: {error}")
                return
            self.seconds[kind].append(response.seconds)
            self.statuses[kind][response.status] += 1
            if response.status >= 500:
                self.errors.append(f"{kind} {path}: HTTP {response.status}")

    @property
    def total(self):
        return sum(len(values) for values in self.seconds.values()) + self.unanswered

    def lines(self):
        yield f"{'kind':<10} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  statuses"
        for kind, values in sorted(self.seconds.items()):
            values = sorted(values)
            statuses = ", ".join(f"{s}×{n}" for s, n in sorted(self.statuses[kind].items()))
            yield (
                f"{kind:<10} {len(values):>8} {percentile(values, 0.5) * 1000:>8.0f} "
                f"{percentile(values, 0.99) * 1000:>8.0f} {values[-1] * 1000:>8.0f}  {statuses}"
            )


def timed(figures, kind, browser, method, path, *arguments):
    """One request through browser, recorded under kind; the response, or None on an error."""
    try:
        response = getattr(browser, method)(path, *arguments)
    except (OSError, http.client.HTTPException) as error:
        figures.record(kind, path, error=error)
        return None
    figures.record(kind, path, response)
    return response


def read_public_pages(port, urls, figures, stop, seed):
    chooser = random.Random(seed)  # noqa: S311 - a traffic mix, not a secret
    kinds = sorted(urls)
    browser = Browser("127.0.0.1", port)
    while not stop.is_set():
        kind = chooser.choice(kinds)
        timed(figures, kind, browser, "get", chooser.choice(urls[kind]))


def run_clients(port, urls, figures, clients, stop):
    """clients threads reading public pages until stop is set; returns them started."""
    threads = [
        threading.Thread(target=read_public_pages, args=(port, urls, figures, stop, n), daemon=True)
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    return threads
