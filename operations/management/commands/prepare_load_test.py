import json
import os

from django.core.management.base import BaseCommand, CommandError

from operations.loadtest.preparation import prepare
from operations.loadtest.site import COPY_MARKER


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
        if os.environ.get(COPY_MARKER) != "1":
            raise CommandError(f"Only load_test runs this, in its copy of a site ({COPY_MARKER}).")
        self.stdout.write(json.dumps(prepare(reviewer, changes), ensure_ascii=False))
