"""python manage.py publish_accessibility_report [RESULTS]: publish the 試験結果 page."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accessibility.models import AccessibilityPolicyPage, AccessibilityReportPage
from accessibility.policy import POLICY_BODY, POLICY_TITLE, REPORT_TITLE
from accessibility.report import summarise
from home.models import HomePage

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
        policy = AccessibilityPolicyPage.objects.child_of(home).first()
        if policy is None:
            policy = home.add_child(
                instance=AccessibilityPolicyPage(
                    title=POLICY_TITLE, slug="accessibility", body=POLICY_BODY
                )
            )
            policy.save_revision().publish()
        report = AccessibilityReportPage.objects.child_of(policy).first()
        if report is None:
            report = policy.add_child(
                instance=AccessibilityReportPage(title=REPORT_TITLE, slug="results")
            )
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
