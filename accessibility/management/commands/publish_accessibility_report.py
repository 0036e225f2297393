"""python manage.py publish_accessibility_report [RESULTS]: publish the 試験結果 page."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accessibility.models import AccessibilityPolicyPage, AccessibilityReportPage
from accessibility.policy import POLICY_BODY, POLICY_TITLE, REPORT_TITLE
from accessibility.report import summarise
from home.models import HomePage
from home.tree import ensure_child

# The committed results of the last full browser run (.ci/run records it). Never the local
# test-results/: a partial run there must not become the public conformance report.
DEFAULT_RESULTS = settings.BASE_DIR / "accessibility" / "data" / "a11y-results.json"


class Command(BaseCommand):
    help = (
        "Publish the accessibility test results page (JIS X 8341-3 style) from the browser test "
        "run's results file, creating the accessibility policy page if it does not exist."
    )

    def add_arguments(self, parser):
        parser.add_argument("results", nargs="?", help="results JSON written by tests/browser")

    def handle(self, *args, results=None, **options):
        path = Path(results) if results else DEFAULT_RESULTS
        if not path.exists():
            raise CommandError(f"no results file: {path}")
        try:
            summary = summarise(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError) as error:
            raise CommandError(f"{path}: not a results file ({error})") from error
        home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if home is None:
            raise CommandError("no home page: run import_plan first")
        policy, _created = ensure_child(
            home, AccessibilityPolicyPage, "accessibility", title=POLICY_TITLE, body=POLICY_BODY
        )
        report, created = ensure_child(
            policy, AccessibilityReportPage, "results", title=REPORT_TITLE, results=summary
        )
        if not created:
            if report.results == summary and report.live:
                self.stdout.write("Nothing changed: the published results are the same.")
                return
            report.results = summary
            report.save_revision().publish()
        failed = sum(c["result"] == "failed" for c in summary["criteria"])
        self.stdout.write(
            f"Published {report.url_path}: {len(summary['pages'])} page views tested, "
            f"{failed} criteria failed."
        )
