"""python manage.py import_plan [PATH] | --update PATH: seed the CMS, or propose a new edition."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from measures.importer.document import PlanParseError
from measures.importer.loader import load_plan
from measures.importer.parser import parse_plan
from measures.importer.proposals import propose_plan_update


class Command(BaseCommand):
    help = (
        "Seed the CMS from the plan's report (default: the copy bundled with the project): what "
        "is missing is created, what exists is never changed. With --update PATH, each "
        "difference between a new edition and the site becomes a draft revision submitted for "
        "review. On a damaged file nothing is changed and the line and measure are named."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=None)
        parser.add_argument(
            "--update",
            metavar="PATH",
            help="propose the differences of this edition for review instead of seeding",
        )

    def handle(self, *args, path, update, **options):
        if path and update:
            raise CommandError("give the file either as PATH or as --update PATH, not both")
        path = Path(update or path or settings.PLAN_SOURCE_PATH)
        document = self._parse(path)
        if update:
            report, user = propose_plan_update(document)
            self._print_proposals(report, user, path)
        else:
            self._print_seed(load_plan(document), document, path)

    def _parse(self, path):
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
        return document

    def _print_seed(self, report, document, path):
        if report.created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {len(document.measures)} measures and {len(document.glossary)} "
                    f"glossary terms: {len(report.created)} created, "
                    f"{report.unchanged + len(report.left_alone)} already there."
                )
            )
        else:
            self.stdout.write(
                f"Nothing changed: {report.unchanged + len(report.left_alone)} objects of "
                f"{path.name} already exist."
            )
        for label in report.left_alone:
            self.stdout.write(f"left alone: {label}")
        if report.left_alone:
            self.stdout.write(
                "The CMS keeps its version of these; `import_plan --update PATH` proposes the "
                "file's version for review."
            )

    def _print_proposals(self, report, user, path):
        if not report.proposed:
            self.stdout.write(f"Nothing to propose: the site matches {path.name}.")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Proposed {len(report.proposed)} changes from {path.name} for review, as "
                    f"the system user {user.username!r}; nothing was published."
                )
            )
        for label in report.proposed:
            self.stdout.write(f"proposed: {label}")
        for label in report.left_alone:
            self.stdout.write(f"left alone: {label}")
