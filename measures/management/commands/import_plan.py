"""python manage.py import_plan [PATH]: load the report into the CMS."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from measures.importer.document import PlanParseError
from measures.importer.loader import load_plan
from measures.importer.parser import parse_plan


class Command(BaseCommand):
    help = (
        "Import the plan's report (default: the copy bundled with the project). Idempotent; on a "
        "damaged file nothing is changed and the line and measure are named."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(settings.PLAN_SOURCE_PATH))

    def handle(self, *args, path, **options):
        path = Path(path)
        try:
            # Bytes that are not UTF-8 become U+FFFD; the parser rejects it naming line and measure.
            text = path.read_bytes().decode("utf-8", errors="replace")
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        try:
            document = parse_plan(text)
        except PlanParseError as error:
            raise CommandError(f"{path.name}: {error}. Nothing was imported.") from error
        for warning in document.warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
        report = load_plan(document)
        if not report.changed:
            self.stdout.write(
                f"Nothing changed: {report.unchanged} objects already match {path.name}."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(document.measures)} measures and {len(document.glossary)} glossary "
                f"terms: {len(report.created)} created, {len(report.updated)} updated, "
                f"{report.unchanged} unchanged."
            )
        )
        for label in report.updated:
            self.stdout.write(f"updated: {label}")
