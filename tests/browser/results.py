"""Collects what the browser tests found and writes test-results/a11y-results.json.

The format is documented in tests/browser/test_axe.py; the accessibility report page
(試験結果) is generated from this file. With pytest-xdist each worker writes its part beside it
(a11y-results.gw0.json …) and the controlling process merges the parts into the one file.
"""

import json
import statistics
from datetime import UTC, datetime

from django.conf import settings

from tests.browser.pages import page_type

RESULTS_PATH = settings.BASE_DIR / "test-results" / "a11y-results.json"
FORMAT_VERSION = 2


class A11yResults:
    def __init__(self):
        self.tool = {}
        self.axe_tags = []
        self.rules = {}
        self.pages = []
        self.checks = []
        self.fonts = {}

    def add_axe_run(self, *, url, page, language, width, status, response):
        self.tool.setdefault("axe_core", response["testEngine"]["version"])
        for outcome in ("passes", "violations", "inapplicable", "incomplete"):
            for rule in response[outcome]:
                self.rules.setdefault(
                    rule["id"],
                    {
                        "help": rule["help"],
                        "description": rule["description"],
                        "tags": rule["tags"],
                    },
                )
        self.pages.append(
            {
                "url": url,
                "page": page,
                "language": language,
                "width": width,
                "status": status,
                "passes": sorted(rule["id"] for rule in response["passes"]),
                "violations": [
                    {
                        "id": rule["id"],
                        "impact": rule["impact"],
                        "nodes": [node["target"] for node in rule["nodes"]],
                    }
                    for rule in response["violations"]
                ],
                "inapplicable": sorted(rule["id"] for rule in response["inapplicable"]),
                "incomplete": sorted(rule["id"] for rule in response["incomplete"]),
            }
        )

    def add_check(self, *, check_id, criteria, test, outcome, visits):
        """One run of a check of ours; visits: the (path, width) of each page it opened."""
        self.checks.append(
            {
                "id": check_id,
                "criteria": criteria,
                "test": test,
                "outcome": outcome,
                "urls": list(dict.fromkeys(path for path, _width in visits)),
                "pages": sorted({page_type(path) for path, _width in visits}),
                "widths": sorted({width for _path, width in visits}, reverse=True),
            }
        )

    def set_fonts(self, *, url, runs, site, generic):
        """Font bytes of a first view per weight: lists of one figure per run."""
        self.fonts = {
            "url": url,
            "runs": runs,
            "site": {weight: statistics.median(v) for weight, v in site.items()},
            "generic": {weight: statistics.median(v) for weight, v in generic.items()},
        }

    def as_json(self):
        return {
            "format": FORMAT_VERSION,
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "tool": self.tool,
            "axe_tags": self.axe_tags,
            "rules": dict(sorted(self.rules.items())),
            "pages": self.pages,
            "checks": self.checks,
            "fonts": self.fonts,
        }

    def merge(self, part):
        """Add what another process recorded (a part written by write())."""
        self.tool.update(part["tool"])
        self.axe_tags = self.axe_tags or part["axe_tags"]
        self.rules.update(part["rules"])
        self.pages += part["pages"]
        self.checks += part["checks"]
        self.fonts = self.fonts or part["fonts"]

    def write(self, path=RESULTS_PATH):
        if not (self.pages or self.checks):
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.as_json(), ensure_ascii=False, indent=2), encoding="utf-8")


def part_path(worker):
    return RESULTS_PATH.with_name(f"{RESULTS_PATH.stem}.{worker}.json")


def merge_parts(since):
    """Merge the workers' parts written since that time into RESULTS_PATH; removes the parts."""
    merged = A11yResults()
    parts = sorted(RESULTS_PATH.parent.glob(f"{RESULTS_PATH.stem}.gw*.json"))
    for path in parts:
        if path.stat().st_mtime >= since:
            merged.merge(json.loads(path.read_text(encoding="utf-8")))
        path.unlink()
    merged.write()


RESULTS = A11yResults()
