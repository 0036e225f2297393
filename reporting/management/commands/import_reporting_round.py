"""python manage.py import_reporting_round FILE.xlsx --user USERNAME"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from reporting.spreadsheets import import_workbook


class Command(BaseCommand):
    help = (
        "Read a filled round workbook: every cell is checked first; without any error each "
        "report is saved and submitted for review as USERNAME, with any error nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--user", required=True)

    def handle(self, *args, path, user, **options):
        importer = get_user_model().objects.filter(username=user, is_active=True).first()
        if importer is None:
            raise CommandError(f"no active user {user!r}")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        result = import_workbook(data, importer)
        if result.errors:
            for cell, message in result.errors:
                self.stderr.write(f"{cell}: {message}")
            raise CommandError(f"{len(result.errors)} errors in {path.name}. Nothing was saved.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Submitted {len(result.submitted)} reports for review as {user}: "
                + ", ".join(f"measure {n}" for n in result.submitted)
            )
        )
