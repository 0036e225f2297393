"""The public pages in a real browser: Debian's Chromium, driven by Playwright, checked by axe.

The site runs in its own process (tests/browser/server.py) against a database of its own, a copy
of the seeded site (tests/seed.py: bootstrapped with the demo accounts, the plan and every
translation imported), so the other tests' session-wide plan and their rolled-back transactions
are left alone, and the browser tests may write (sign in, publish): on SQLite a copy of the seed
file in the session's temporary folder, on PostgreSQL a database named after DATABASE_URL's with
`_browser` appended, dropped at the end. `build_fonts --benchmark` then cuts the fonts into the
site's own media folder; cut files come from the font cache (fonts/cutting.py) when an earlier
build cut the same characters of the same source. Every site starts from the same seed, so the
fonts are cut once per run and each further site (another xdist worker's, a journey's own) gets a
copy of that media folder.

In CI (CI=true) a missing Chromium fails these tests; elsewhere they are skipped.
"""

import fcntl
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tests import seed
from tests.browser.results import RESULTS, RESULTS_PATH, merge_parts, part_path
from tests.conftest import IN_CI

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SETUP_COMMANDS = [["build_fonts", "--benchmark"]]  # the rest is in the seed
# With pytest-xdist (make test-browser runs two workers) each worker has sites of its own.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
VISITED = pytest.StashKey[list]()
SESSION_STARTED = pytest.StashKey[float]()


def _unavailable(reason):
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason)


def pytest_configure(config):
    config.stash[SESSION_STARTED] = time.time()
    config.addinivalue_line(
        "markers",
        "a11y_check(id, criteria): a check of ours, reported in a11y-results.json with the "
        "WCAG success criteria it covers; the id's label is in accessibility/site_checks.py",
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    marker = item.get_closest_marker("a11y_check")
    if marker and (report.when == "call" or (report.when == "setup" and not report.passed)):
        RESULTS.add_check(
            check_id=marker.args[0],
            criteria=list(marker.kwargs.get("criteria", [])),
            test=item.nodeid,
            outcome=report.outcome,
            visits=item.stash.get(VISITED, []),
        )
    return report


def pytest_sessionfinish(session):
    if XDIST_WORKER:
        RESULTS.write(part_path(XDIST_WORKER))
    elif session.config.pluginmanager.hasplugin("dsession"):  # the controller of xdist workers
        merge_parts(since=session.config.stash[SESSION_STARTED])
    else:
        RESULTS.write()


def _fonts_measured_this_session(config):
    """With pytest-xdist a worker measured them; the merged results file has them."""
    path = RESULTS_PATH
    if not path.exists() or path.stat().st_mtime < config.stash[SESSION_STARTED]:
        return {}
    return json.loads(path.read_text(encoding="utf-8")).get("fonts", {})


def pytest_terminal_summary(terminalreporter):
    fonts = RESULTS.fonts or _fonts_measured_this_session(terminalreporter.config)
    if not fonts:
        return
    terminalreporter.section("font bytes of a first view")
    terminalreporter.write_line(f"{fonts['url']}, median of {fonts['runs']} runs")
    for weight, site in fonts["site"].items():
        generic = fonts["generic"][weight]
        terminalreporter.write_line(
            f"weight {weight}: site subsets {site / 1024:.1f} KB, generic slicing "
            f"{generic / 1024:.1f} KB ({site / generic:.0%})"
        )


# The site


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _site_database(folder, site_name):
    """A copy of the seed for the site; returns its URL and a function that drops it."""
    url = os.environ.get("DATABASE_URL", "")
    if seed.is_postgres(url):
        suffix = "_".join(filter(None, [site_name.replace("-", "_"), XDIST_WORKER]))
        name = f"{urlsplit(url).path.lstrip('/') or 'postgres'}_{suffix}"
        return seed.copy_pg_seed(url, name), lambda: seed.drop_pg_database(url, name)
    return seed.copy_sqlite_seed(folder / "site.sqlite3"), lambda: None


def _run_setup(env, log):
    for command in SETUP_COMMANDS:
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *command],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
            # A first run on a machine cuts every font subset cold: beside both database passes
            # (as .ci/run ran them until it ran its jobs in turn) that took more than 15 minutes.
            timeout=2400,
        )
        if result.returncode != 0:
            log.flush()
            tail = Path(log.name).read_text(encoding="utf-8", errors="replace")[-3000:]
            pytest.fail(f"setting up the browser site: {' '.join(command)} failed\n{tail}")


def _site_media(env, log, tmp_path_factory):
    """Fill the site's media folder with the cut fonts: cut once per run (by the first site
    set up, from its fresh copy of the seed), copied for every other site."""
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if XDIST_WORKER else base) / "browser-media"
    with (shared.parent / "browser-media.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared.parent / "browser-media.done").exists():
            shutil.rmtree(shared, ignore_errors=True)
            _run_setup({**env, "MEDIA_ROOT": str(shared)}, log)
            (shared.parent / "browser-media.done").touch()
    shutil.copytree(shared, env["MEDIA_ROOT"])


def _wait_until_serving(url, process, log_path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the browser site stopped:\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"the browser site did not answer within 60 s:\n{log_path.read_text()[-3000:]}")


def site_environment(tmp_path_factory, name="browser-site"):
    """A site of its own for the browser (a generator: yields its environment, then drops its
    database): a copy of the seed, its media and mail folders. Commands run with the
    environment (manage.py publish_scheduled …) act on the same site.

    The session's site (site_env) is shared by most tests; a test module whose journey changes
    what every page shows (closing a reporting round) overrides site_env with one of these.
    """
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not found: install Debian's chromium to run the browser tests")
    folder = tmp_path_factory.mktemp(name)
    database_url, drop_database = _site_database(folder, name)
    media = folder / "media"
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "EMAIL_FILE_PATH": str(folder / "mail"),
        "CELERY_BROKER_URL": "",
        "PYTHONUNBUFFERED": "1",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "BROWSER_SITE_PORT": str(port),
        "BROWSER_SITE_LOG": str(folder / "site.log"),
    }
    with Path(env["BROWSER_SITE_LOG"]).open("w", encoding="utf-8") as log:
        _site_media(env, log, tmp_path_factory)
    yield env
    drop_database()


def served_site(site_env):
    """Serves the site of site_env (a generator: yields its base URL, then stops it)."""
    log_path = Path(site_env["BROWSER_SITE_LOG"])
    port = site_env["BROWSER_SITE_PORT"]
    with log_path.open("a", encoding="utf-8") as log:
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "tests.browser.server", port],
            cwd=settings.BASE_DIR,
            env=site_env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(f"{base}/ja/", process, log_path)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def site_env(tmp_path_factory):
    """The environment of the site most browser tests share."""
    yield from site_environment(tmp_path_factory)


@pytest.fixture(scope="session")
def site_url(site_env):
    """Base URL of the site served for the browser, with its own copy of the seed."""
    yield from served_site(site_env)


# The browser


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not found: install Debian's chromium to run the browser tests")
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright):
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


# A font configuration whose only font has ASCII and nothing else (Chromium draws no text at all
# without a font of the system's): every other character the page shows must come from the
# fonts it serves, as on a device without Japanese, Korean or Chinese fonts.
LAST_RESORT_FAMILY = "Test Last Resort"
ONE_FONT_CONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>
"""


def _last_resort_font(path):
    """ASCII of the shipped Noto Sans, renamed so that no stack asks for it by name."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(settings.BASE_DIR / "fonts" / "sources" / "NotoSans-Regular.woff2")
    subsetter = subset.Subsetter()
    subsetter.populate(unicodes=range(0x20, 0x7F))
    subsetter.subset(font)
    font.flavor = None
    for name_id in (1, 4, 6, 16):
        font["name"].setName(
            LAST_RESORT_FAMILY.replace(" ", "") if name_id == 6 else LAST_RESORT_FAMILY,
            name_id,
            3,
            1,
            0x409,
        )
    font.save(path)


@pytest.fixture(scope="session")
def fontless_browser(playwright, tmp_path_factory):
    """Chromium whose system has one font, of ASCII only (FONTCONFIG_FILE)."""
    folder = tmp_path_factory.mktemp("fontconfig")
    (folder / "fonts").mkdir()
    _last_resort_font(folder / "fonts" / "last-resort.ttf")
    config = folder / "fonts.conf"
    config.write_text(
        ONE_FONT_CONFIG.format(fonts=folder / "fonts", cache=folder / "cache"), encoding="utf-8"
    )
    chromium = playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        args=CHROMIUM_ARGS,
        env={**os.environ, "FONTCONFIG_FILE": str(config)},
    )
    yield chromium
    chromium.close()


@pytest.fixture
def note_visit(request):
    """note_visit(path, width): a page the test opened, for its check's entry in the results
    (open_page notes its own)."""
    visited = request.node.stash.setdefault(VISITED, [])
    return lambda path, width: visited.append((path, width))


@pytest.fixture
def open_page(browser, site_url, note_visit):
    """open_page(path, width=1280, **context options) → a Playwright page, fonts loaded.

    Context options are Playwright's (color_scheme, reduced_motion, forced_colors,
    java_script_enabled …); cookies={"name": "value"} are set first.
    """
    contexts = []

    def open_(path, width=1280, height=900, cookies=None, init_script=None, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        if cookies:
            context.add_cookies(
                [{"name": k, "value": v, "url": site_url} for k, v in cookies.items()]
            )
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        page.goto(site_url + path)
        if options.get("java_script_enabled", True):
            page.evaluate("document.fonts.ready.then(() => true)")
        note_visit(path, width)
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def results():
    return RESULTS
