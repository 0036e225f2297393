import json

from django.core.management.base import BaseCommand

from operations.loadtest.preparation import prepare


class Command(BaseCommand):
    help = (
        "For load_test, in the copy of the site it runs: gives the reviewer a new password and "
        "an authenticator, submits changes for review; prints them and the public URLs as JSON. "
        "Changes the database: never run it on a real site."
    )

    def add_arguments(self, parser):
        parser.add_argument("--changes", type=int, default=5)
        parser.add_argument("--reviewer", default="reviewer")

    def handle(self, *args, changes, reviewer, **options):
        self.stdout.write(json.dumps(prepare(reviewer, changes), ensure_ascii=False))
