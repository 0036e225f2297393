import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.loadtest.bench import CONNECTIONS, run_bench
from operations.loadtest.site import seeded_database

# A database of the machine's Redis that neither the tests (tests/brokers.py: 11 to 15) nor a site
# set up by the README (0 and 1) use.
DEFAULT_BROKER = "redis://127.0.0.1:6379/9"
# The targets on this machine (README, "Speed").
TARGETS = {
    "proxy-cached": "≥ 50 % of the static file",
    "Django-cached": "≥ 1,000 requests/s",
    "uncached measure, 1 connection": "p50 ≤ 20 ms",
    "publish → visible": "≤ 1 s",
}


class Command(BaseCommand):
    help = (
        "Starts the production stack on loopback (a copy of the test seed under gunicorn, 2 "
        "workers; the shipped nginx in front when installed), loads home, a measure, the list, "
        "the glossary, a search and plan.json uncached, from Django's cache and from nginx's "
        "(wrk, or Python clients), a static file of the same size from the same nginx (the "
        "ceiling), and times publish → visible on every URL the change affects. Prints one table."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=5, help="per URL and tier")
        parser.add_argument("--database", help="a seeded SQLite file (default: the test seed)")
        parser.add_argument(
            "--broker",
            default=DEFAULT_BROKER,
            help="the Redis the cached stack's Celery worker takes tasks from (default: "
            f"{DEFAULT_BROKER}); 'none': tasks run in the request, as with no worker",
        )

    def handle(self, *args, seconds, database, broker, **options):
        if seconds < 1:
            raise CommandError("--seconds must be at least 1.")
        if broker != "none" and not broker.startswith(("redis://", "rediss://")):
            raise CommandError("--broker must be a redis:// URL or 'none'.")
        broker = None if broker == "none" else broker
        database = Path(database) if database else seeded_database()
        with tempfile.TemporaryDirectory(prefix="bench-") as work_dir:
            rows, ceiling, visible, generator = run_bench(
                database, work_dir, seconds, self.stdout.write, broker
            )
        self.stdout.write(
            f"load: {generator}, {CONNECTIONS} connections unless said, {seconds} s each; "
            + (f"tasks on a Celery worker ({broker})" if broker else "tasks in the request")
        )
        self.stdout.write(
            f"{'tier':<14} {'kind':<10} {'conn':>4} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'of ceiling':>10}"
        )
        for row in rows:
            share = f"{row.rate / ceiling:>9.1%}" if ceiling else "         -"
            self.stdout.write(
                f"{row.tier:<14} {row.kind:<10} {row.connections:>4} {row.rate:>9.0f} "
                f"{row.p50:>8.1f} {row.p99:>8.1f} {share:>10}"
            )
        if visible is None:
            self.stdout.write("nginx is not installed: no proxy cache, ceiling or publish timing")
        else:
            self.stdout.write(
                f"publish → visible: approval (publish and purges) {visible['approval'] * 1000:.0f}"
                f" ms, then {visible['urls'] - len(visible['stale'])} of {visible['urls']} "
                f"affected URLs new on their first request (slowest {visible['slowest'] * 1000:.0f}"
                f" ms)"
            )
            for url in visible["stale"]:
                self.stdout.write(f"  still old: {url}")
        for name, target in TARGETS.items():
            self.stdout.write(f"target {name}: {target}")
