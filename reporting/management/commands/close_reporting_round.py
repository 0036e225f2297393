"""python manage.py close_reporting_round YEAR: close a round; its year becomes current."""

from django.core.management.base import BaseCommand, CommandError

from measures.fiscal_years import fiscal_year_label
from reporting.models import ReportingRound
from reporting.services import close_round


class Command(BaseCommand):
    help = "Close the reporting round of a fiscal year and make it the site's current report year."

    def add_arguments(self, parser):
        parser.add_argument("fiscal_year", type=int)

    def handle(self, *args, fiscal_year, **options):
        round_ = ReportingRound.objects.filter(fiscal_year=fiscal_year).first()
        if round_ is None:
            raise CommandError(f"there is no round for {fiscal_year}")
        if not round_.is_open:
            self.stdout.write(f"Nothing changed: the {fiscal_year} round is already closed.")
            return
        close_round(round_)
        self.stdout.write(
            self.style.SUCCESS(f"Closed; {fiscal_year_label(fiscal_year)} is the current year.")
        )
