"""python manage.py open_reporting_round YEAR --due YYYY-MM-DD: open a fiscal year's round."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from measures.fiscal_years import fiscal_year_label
from reporting.services import RoundError, open_round


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--due {value!r} is not a date (YYYY-MM-DD)") from error


class Command(BaseCommand):
    help = (
        "Open the reporting round of a fiscal year: every published measure gets a draft report "
        "for that year (the year's plan filled in, 実績 empty, evaluation unset), not published. "
        "Run again, it drafts only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("fiscal_year", type=int)
        parser.add_argument("--due", required=True, help="due date, YYYY-MM-DD")
        parser.add_argument("--user", help="the username recorded as the round's opener")

    def handle(self, *args, fiscal_year, due, user, **options):
        due_date = iso_date(due)
        if not 2019 <= fiscal_year <= 2100:
            raise CommandError(f"{fiscal_year} is not a fiscal year of the plan")
        opener = None
        if user:
            opener = get_user_model().objects.filter(username=user).first()
            if opener is None:
                raise CommandError(f"no user {user!r}")
        try:
            result = open_round(fiscal_year, due_date, opener)
        except RoundError as error:
            raise CommandError(str(error)) from error
        label = fiscal_year_label(fiscal_year)
        verb = "Opened" if result.created else "Already open:"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} the {label} round (due {result.round.due_date.isoformat()}): "
                f"{len(result.drafted)} draft reports created, {len(result.skipped)} left alone."
            )
        )
        for line in result.skipped:
            self.stdout.write(f"left alone: measure {line}")
