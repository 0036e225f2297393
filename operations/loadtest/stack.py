"""The production stack on loopback: a copy of the site under gunicorn, the shipped nginx in front
when it is installed, and purges from the site to that nginx (FRONTEND_CACHE_URL)."""

from contextlib import contextmanager
from pathlib import Path

from operations.loadtest.proxy import NginxProxy, installed
from operations.loadtest.site import ProductionSite, copy_database, free_port


def prepare_copy(database, work_dir, variables=None):
    """A ProductionSite on a copy of database, its static files collected; not started."""
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    site = ProductionSite(work_dir, free_port(), variables)
    copy_database(database, site.database)
    site.manage("collectstatic", "--no-input", "-v0")
    return site


@contextmanager
def running(site, proxy=None):
    """site started (and nginx in front of it if proxy is true); yields the NginxProxy or None.

    The site's FRONTEND_CACHE_URL is the proxy's address."""
    nginx = NginxProxy(site.work_dir, free_port(), site) if proxy and installed() else None
    if nginx:
        site.variables["FRONTEND_CACHE_URL"] = f"http://127.0.0.1:{nginx.port}"
    site.start()
    try:
        if nginx:
            nginx.start()
        yield nginx
    finally:
        if nginx:
            nginx.stop()
        site.stop()
