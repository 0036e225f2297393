"""Garbage-collector settings for the site's long-lived processes (the web server's workers, the
test processes).

What is loaded once the application is ready (Django, Wagtail, the site's code) lives as long as
the process: it is frozen out of the collector's scans, and the youngest generation is collected
after 10,000 allocations rather than 700. Rendering a page or the admin's page editor builds and
drops large object graphs, which the default thresholds scanned over and over together with
everything loaded: in the tests, test_permissions.py took 28.4 s of processor time and 20.6 s with
these settings (test_editorial_defects.py 25.3 s → 18.8 s, its peak memory 479 → 617 MB).
"""

import gc

YOUNGEST_GENERATION_THRESHOLD = 10_000


def freeze_what_is_loaded():
    """Call once the application is loaded, before the first request or test."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNGEST_GENERATION_THRESHOLD, 50, 100)
