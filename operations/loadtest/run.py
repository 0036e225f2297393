"""One load test: the site copied and started, the traffic and the reviewer side by side, the
approved changes looked for on the public pages, the site stopped."""

import json
import threading
import time
from dataclasses import dataclass, field

from operations.loadtest.browser import Browser
from operations.loadtest.reviewer import review
from operations.loadtest.site import ProductionSite, copy_database
from operations.loadtest.traffic import Figures, run_clients

# Between approvals, as a reviewer reads the next change before approving it.
REVIEWER_PAUSE_SECONDS = 2


@dataclass
class LoadTestResult:
    clients: int
    expected_approvals: int
    seconds: float  # from the first request until the readers were told to stop
    figures: Figures
    approved: list = field(default_factory=list)  # (url, seconds the approval took)
    review_failure: str | None = None
    not_visible: list = field(default_factory=list)  # urls whose page lacks the approved change

    @property
    def passed(self):
        return not (self.figures.errors or self.review_failure or self.not_visible)

    def __post_init__(self):
        if len(self.approved) < self.expected_approvals and not self.review_failure:
            self.review_failure = f"{len(self.approved)} of {self.expected_approvals} approved"


def run_load_test(database, work_dir, port, clients, seconds, approvals, say):
    site = ProductionSite(work_dir, port)
    site.work_dir.mkdir(parents=True, exist_ok=True)
    say(f"copying {database} to {site.database}")
    copy_database(database, site.database)
    say("collecting the static files (collectstatic)")
    site.manage("collectstatic", "--no-input", "-v0")
    say(f"submitting {approvals} changes for review, enrolling the reviewer's authenticator")
    preparation = json.loads(site.manage("prepare_load_test", f"--changes={approvals}"))
    say(f"starting gunicorn (cms.settings.production, 2 workers) on 127.0.0.1:{port}")
    site.start()
    try:
        return _under_load(port, preparation, clients, seconds, say)
    finally:
        site.stop()


def _under_load(port, preparation, clients, seconds, say):
    """The readers read for seconds, and on until the reviewer has approved every change, so
    that every approval happens under the full traffic."""
    figures = Figures()
    outcome = {"approved": [], "failure": None}
    stop = threading.Event()
    count = len(preparation["changes"])
    say(f"{clients} clients for {seconds} s at least, while the reviewer approves {count}")
    started = time.monotonic()
    readers = run_clients(port, preparation["public_urls"], figures, clients, stop)
    reviewer = threading.Thread(
        target=review,
        args=(Browser("127.0.0.1", port), figures, preparation, REVIEWER_PAUSE_SECONDS, outcome),
        daemon=True,
    )
    reviewer.start()
    time.sleep(seconds)
    reviewer.join()
    stop.set()
    elapsed = time.monotonic() - started
    for thread in readers:
        thread.join()
    anonymous = Browser("127.0.0.1", port)
    not_visible = [
        change["url"]
        for change in preparation["changes"]
        if change["mark"] not in anonymous.get(change["url"]).text
    ]
    return LoadTestResult(
        clients=clients,
        expected_approvals=count,
        seconds=elapsed,
        figures=figures,
        approved=outcome["approved"],
        review_failure=outcome["failure"],
        not_visible=not_visible,
    )
