"""python manage.py send_reporting_reminders [--date YYYY-MM-DD]: what beat runs every morning."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from reporting.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Send today's reporting reminders and reviewers' digests (as Celery beat does each "
        "morning); --date runs them as on that day. Nothing is sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day to run as, YYYY-MM-DD (default: today)")

    def handle(self, *args, date, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date {date!r} is not a date (YYYY-MM-DD)") from error
        count = send_reminders(today)
        self.stdout.write(f"Queued {count} reminder mails.")
