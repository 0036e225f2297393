"""The Redis databases of the tests that use a real broker.

Each pytest-xdist worker has its own (gw0 → the highest, gw1 → one below, …), so that the
real-worker tests of two workers never flush or consume each other's queues; the reminders test
has one of its own below them. TEST_REDIS_BASE moves the whole range down, for two test runs side
by side on one Redis (.ci/run's SQLite and PostgreSQL passes).
"""

import os

BASE = int(os.environ.get("TEST_REDIS_BASE") or 15)
WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)

TEST_BROKER = f"redis://127.0.0.1:6379/{BASE - WORKER % 3}"
REMINDER_BROKER = f"redis://127.0.0.1:6379/{BASE - 4}"
