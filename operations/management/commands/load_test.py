from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.loadtest.run import run_load_test
from operations.loadtest.site import free_port, seeded_database


class Command(BaseCommand):
    help = (
        "Runs a copy of a seeded site under cms.settings.production with gunicorn (2 workers) on "
        "127.0.0.1, CLIENTS clients reading public pages for SECONDS while the reviewer signs in "
        "with a TOTP code and approves changes; prints requests, errors, p50/p99 per kind and "
        "whether each approved change is public. Fails on any error."
    )

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=50)
        parser.add_argument("--seconds", type=float, default=60)
        parser.add_argument("--approvals", type=int, default=5)
        parser.add_argument(
            "--database",
            help="a seeded SQLite file to copy (default: the test seed, built if missing)",
        )
        parser.add_argument(
            "--work-dir",
            default=str(Path(settings.BASE_DIR) / ".cache" / "load-test"),
            help="where the site's copy, static files, mails and gunicorn's log go",
        )
        parser.add_argument("--port", type=int, help="default: a free port")

    def handle(self, *args, clients, seconds, approvals, database, work_dir, port, **options):
        if clients < 1 or seconds <= 0 or approvals < 1:
            raise CommandError("--clients, --seconds and --approvals must be positive.")
        database = Path(database) if database else seeded_database()
        if not database.is_file():
            raise CommandError(f"{database} is not a SQLite file.")
        result = run_load_test(
            database, work_dir, port or free_port(), clients, seconds, approvals, self.stdout.write
        )
        figures = result.figures
        rate = figures.total / result.seconds
        self.stdout.write(
            f"{figures.total} requests in {result.seconds:.1f} s by {result.clients} clients "
            f"and the reviewer ({rate:.1f}/s), {len(figures.errors)} errors"
        )
        for line in figures.lines():
            self.stdout.write(line)
        for error in figures.errors[:20]:
            self.stdout.write(f"  error: {error}")
        for url, took in result.approved:
            visible = "NOT public" if url in result.not_visible else "public"
            self.stdout.write(f"approved {url} in {took * 1000:.0f} ms: {visible} afterwards")
        if result.review_failure:
            self.stdout.write(f"the reviewer failed: {result.review_failure}")
        if not result.passed:
            raise CommandError("the load test failed (see above)")
