"""python manage.py publish_accessibility_report [RESULTS]: publish the 試験結果 page."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accessibility.publishing import NoHomePage, publish_report
from accessibility.report import summarise
from search.index import updates_deferred
from translations.content import ContentError

# The committed results of the last full browser run (.ci/run records it). Never the local
# test-results/: a partial run there must not become the public conformance report.
DEFAULT_RESULTS = settings.BASE_DIR / "accessibility" / "data" / "a11y-results.json"


class Command(BaseCommand):
    help = (
        "Publish the accessibility test results page (JIS X 8341-3 style) from the browser test "
        "run's results file, creating the accessibility policy page if it does not exist; "
        "missing translations of both are made from the content packs, and the translated "
        "results pages get the same results."
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
        try:
            with updates_deferred(), transaction.atomic():
                publication = publish_report(summary)
        except (NoHomePage, ContentError) as error:
            raise CommandError(str(error)) from error
        if publication.changed:
            failed = sum(c["result"] == "failed" for c in summary["criteria"])
            self.stdout.write(
                f"Published {publication.report.url_path}: {len(summary['pages'])} pages tested, "
                f"{failed} criteria failed; the same results in "
                f"{len(publication.translations_updated)} translations."
            )
        else:
            self.stdout.write("Nothing changed: the published results are the same.")
        if publication.translations_created:
            created = len(publication.translations_created)
            self.stdout.write(f"Made {created} translated pages from the content packs.")
