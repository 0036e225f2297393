"""`manage.py bench`: the public pages uncached, from Django's cache and from nginx's, against a
static file of the same size served by the same nginx (the ceiling), and publish → visible.

The load is wrk where it is installed, else the load test's Python clients (operations.loadtest.
traffic), which measure the generator as much as the site: the table says which it used.
"""

import json
import re
import shutil
import subprocess  # noqa: S404 - wrk, with arguments made here
import threading
import time
from dataclasses import dataclass

from operations.loadtest.browser import Browser
from operations.loadtest.reviewer import approval_form, send_approval, sign_in_as_prepared
from operations.loadtest.stack import prepare_copy, running
from operations.loadtest.traffic import Figures, percentile, run_clients

CONNECTIONS = 8
CEILING_FILE = "bench-ceiling.html"


@dataclass
class Row:
    tier: str
    kind: str
    connections: int
    rate: float  # requests/s
    p50: float  # ms
    p99: float  # ms


def wrk(port, path, seconds, connections):
    """(requests/s, p50 ms, p99 ms) from wrk."""
    output = subprocess.run(  # noqa: S603
        [  # noqa: S607
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            "X-Forwarded-Proto: https",  # as nginx says it: gunicorn alone would redirect
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    return rate, _wrk_latency(output, "50"), _wrk_latency(output, "99")


def _wrk_latency(output, percent):
    value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\b", output, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def python_load(port, path, seconds, connections):
    """(requests/s, p50 ms, p99 ms) from the load test's clients."""
    figures, stop = Figures(), threading.Event()
    clients = run_clients(port, {"bench": [path]}, figures, connections, stop)
    time.sleep(seconds)
    stop.set()
    for client in clients:
        client.join()
    values = sorted(figures.seconds["bench"])
    if figures.errors:
        raise RuntimeError(f"{path}: {figures.errors[0]}")
    return len(values) / seconds, percentile(values, 0.5) * 1000, percentile(values, 0.99) * 1000


def load(port, path, seconds, connections=CONNECTIONS):
    return (wrk if shutil.which("wrk") else python_load)(port, path, seconds, connections)


def public_paths(preparation):
    """One URL of each kind the benchmark loads."""
    urls = preparation["public_urls"]
    return {
        "home": "/ja/",
        "measure": preparation["changes"][0]["url"],
        "list": "/ja/measures/",
        "glossary": urls["glossary"][0],
        "search": urls["search"][0],
        "plan.json": "/ja/open-data/plan.json",
    }


def warm(port, paths):
    reader = Browser("127.0.0.1", port)
    for path in paths:
        for _ in range(2):
            reader.get(path)


AFFECTED = """
import json
from measures.models import MeasurePage
from page_cache import affected
print(json.dumps(sorted(affected.of_measures([MeasurePage.objects.get(pk={page_id})]))))
"""


def affected_urls(site, change):
    """The URLs the prepared change touches, read in the copy."""
    output = site.manage("shell", "-c", AFFECTED.format(page_id=int(change["page_id"])))
    return json.loads(output.strip().splitlines()[-1])  # after what the shell says it imported


def run_bench(database, work_dir, seconds, say, broker=None):
    """The table's rows, the ceiling's rate, publish → visible (seconds, urls checked) and
    which load generator ran. With a broker (a Redis URL) the cached stack runs a Celery worker
    beside gunicorn, as the compose file does, and the approval's tasks (the font re-cut, the
    PDF) run there; without one they run in the approval's request."""
    site = prepare_copy(database, work_dir, {"PAGE_CACHE_SECONDS": "0"})
    preparation = json.loads(site.manage("prepare_load_test", "--changes=1"))
    paths = public_paths(preparation)
    rows = []
    say("uncached: gunicorn alone, Django's page cache off")
    with running(site):
        for kind, path in paths.items():
            rows.append(Row("uncached", kind, CONNECTIONS, *load(site.port, path, seconds)))
        rows.append(Row("uncached", "measure", 1, *load(site.port, paths["measure"], seconds, 1)))
    site.variables["PAGE_CACHE_SECONDS"] = str(24 * 60 * 60)
    if broker:
        site.variables["CELERY_BROKER_URL"] = broker
    say("cached: Django's page cache on, nginx in front" + (", a Celery worker" if broker else ""))
    with running(site, proxy=True) as nginx:
        warm(site.port, paths.values())
        for kind, path in paths.items():
            rows.append(Row("Django-cached", kind, CONNECTIONS, *load(site.port, path, seconds)))
        if nginx is None:
            return rows, None, None, _generator()
        warm(nginx.port, paths.values())
        for kind, path in paths.items():
            rows.append(Row("proxy-cached", kind, CONNECTIONS, *load(nginx.port, path, seconds)))
        size = len(Browser("127.0.0.1", nginx.port).get(paths["measure"]).body)
        (site.work_dir / "static" / CEILING_FILE).write_bytes(b"x" * size)
        ceiling = Row(
            "static file",
            f"{size} B",
            CONNECTIONS,
            *load(nginx.port, f"/static/{CEILING_FILE}", seconds),
        )
        rows.append(ceiling)
        urls = affected_urls(site, preparation["changes"][0])
        visible = publish_to_visible(nginx.port, preparation, urls)
    return rows, ceiling.rate, visible, _generator()


def _generator():
    return "wrk" if shutil.which("wrk") else "Python clients"


def publish_to_visible(port, preparation, urls):
    """The reviewer, with the prepared change's edit page open, clicks 承認して公開 (through
    nginx); then each URL it affects (all cached before) is asked once. Returns the approval's
    seconds (from the click until its answer: publish and purges happen before it), the slowest
    first answer's, the URLs and those still showing the old."""
    change = preparation["changes"][0]
    warm(port, urls)
    reviewer = Browser("127.0.0.1", port)
    sign_in_as_prepared(reviewer, Figures(), preparation)
    form = approval_form(reviewer, Figures(), change["page_id"])
    started = time.perf_counter()
    send_approval(reviewer, Figures(), change["page_id"], form)
    approval = time.perf_counter() - started
    reader, slowest, stale = Browser("127.0.0.1", port), 0.0, []
    for url in urls:
        response = reader.get(url)
        slowest = max(slowest, response.seconds)
        cached = "HIT" in (response.headers.get("x-cache"), response.headers.get("x-proxy-cache"))
        if cached or (url == change["url"] and change["mark"] not in response.text):
            stale.append(url)
    return {"approval": approval, "slowest": slowest, "urls": len(urls), "stale": stale}
