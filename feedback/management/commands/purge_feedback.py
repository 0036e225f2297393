"""python manage.py purge_feedback: delete feedback older than FEEDBACK_RETENTION_DAYS."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from feedback import services


class Command(BaseCommand):
    help = "Delete citizens' feedback, with its history, once FEEDBACK_RETENTION_DAYS have passed."

    @transaction.atomic
    def handle(self, *args, **options):
        count = services.purge_expired()
        self.stdout.write(
            f"Deleted {count} feedback message(s) older than "
            f"{settings.FEEDBACK_RETENTION_DAYS} days."
        )
