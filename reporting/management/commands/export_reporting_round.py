"""python manage.py export_reporting_round YEAR [--department NAME] --output FILE.xlsx"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reporting.models import ReportingRound
from reporting.spreadsheets import export_round


class Command(BaseCommand):
    help = (
        "Write the round's measures to an .xlsx workbook for departments to fill in: one row "
        "per measure, key columns locked, the evaluation as a drop-down."
    )

    def add_arguments(self, parser):
        parser.add_argument("fiscal_year", type=int)
        parser.add_argument("--department", help="only the measures this department leads")
        parser.add_argument("--output", required=True, type=Path)

    def handle(self, *args, fiscal_year, department, output, **options):
        round_ = ReportingRound.objects.filter(fiscal_year=fiscal_year).first()
        if round_ is None:
            raise CommandError(f"there is no reporting round for {fiscal_year}")
        pages = list(round_.measures.order_by("number"))
        if department:
            pages = [p for p in pages if p.lead_department and p.lead_department.name == department]
            if not pages:
                raise CommandError(f"no measure of the round is led by {department!r}")
        try:
            output.write_bytes(export_round(round_, pages))
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error.strerror}") from error
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(pages)} measures to {output}."))
