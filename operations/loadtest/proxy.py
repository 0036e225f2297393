"""The shipped nginx (deploy/nginx/) in front of a ProductionSite, on loopback.

render_config fills in deploy/nginx/nginx.conf.template as the compose file's image does with
envsubst; NginxProxy runs it with a cache, logs and temporary files of its own under work_dir.
"""

import getpass
import shutil
import subprocess
import time
from pathlib import Path
from string import Template

from django.conf import settings

from operations.loadtest.browser import Browser

TEMPLATE = settings.BASE_DIR / "deploy" / "nginx" / "nginx.conf.template"
NAMES = (
    "WORKER_USER",
    "LISTEN",
    "UPSTREAM",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "CACHE_DIR",
    "RUN_DIR",
    "ERROR_LOG",
    "ACCESS_LOG",
    "FORWARDED_PROTO",
    "PURGE_ALLOW",
)


def installed():
    """Whether nginx and the purge module are there (.ci/run installs them)."""
    module = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
    return shutil.which("nginx") is not None and module.exists()


def render_config(**values):
    """The template with every one of NAMES filled in (a missing one is an error)."""
    missing = set(NAMES) - set(values)
    if missing:
        raise ValueError(f"no value for {', '.join(sorted(missing))}")
    return Template(TEMPLATE.read_text()).safe_substitute(values)


class NginxProxy:
    def __init__(self, work_dir, port, site):
        self.work_dir = Path(work_dir) / "nginx"
        self.port = port
        self.site = site
        self.config = self.work_dir / "nginx.conf"
        self.process = None

    def values(self):
        return {
            # Its cache and the site's files are in work_dir, which may be the user's alone.
            "WORKER_USER": getpass.getuser(),
            "LISTEN": f"127.0.0.1:{self.port}",
            "UPSTREAM": f"127.0.0.1:{self.site.port}",
            "STATIC_ROOT": str(self.site.work_dir / "static"),
            "MEDIA_ROOT": str(self.site.work_dir / "media"),
            "CACHE_DIR": str(self.work_dir / "cache"),
            "RUN_DIR": str(self.work_dir),
            "ERROR_LOG": str(self.work_dir / "error.log"),
            "ACCESS_LOG": "off",
            # As a TLS terminator in front would say: the production settings redirect http.
            "FORWARDED_PROTO": "https",
            "PURGE_ALLOW": "allow 127.0.0.1;",
        }

    def start(self):
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self.config.write_text(render_config(**self.values()))
        self.process = subprocess.Popen(  # noqa: S603
            ["nginx", "-p", str(self.work_dir), "-c", str(self.config), "-g", "daemon off;"],  # noqa: S607
            stdout=subprocess.DEVNULL,
            stderr=(self.work_dir / "start.log").open("w"),
        )
        self._wait_until_answering()

    def _wait_until_answering(self, seconds=20):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = (self.work_dir / "start.log").read_text()
                raise RuntimeError(f"nginx stopped: {log[-2000:]}")
            try:
                if Browser("127.0.0.1", self.port).get("/nginx-health").status == 204:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"nginx did not answer in {seconds} s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
