"""The Content-Security-Policy in Chromium: every public page type, in two languages, and the admin
(dashboard and a measure's edit page) run without one violation of the site's policy, and the
browser fetches nothing from another origin.

Violations are the page's `securitypolicyviolation` events (collected by a script that runs
before the page's own) and the console errors Chromium writes for them.
"""

from urllib.parse import urlsplit

import pytest

from tests.browser.pages import url

LANGUAGES = ["ja", "en"]
PUBLIC_PAGES = [
    "/",
    "/measures/",
    "/measures/?goal=2",
    "/measures/8/",
    "/glossary/",
    "/search/?q=オープンデータ",
    "/open-data/",
    "/accessibility/",
    "/accessibility/results/",
    "/feedback/measures/8/",
    "/embed/measures/8/",
    "/embed/progress/?by=department",
    "/measures/99/",
]
PASSWORD = "demo-pass-2026"
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile}:${event.lineNumber}) ${event.sample}`
  );
});
"""


class Watcher:
    """A browser context whose every request, console error and CSP violation is kept."""

    def __init__(self, browser, site_url):
        self.site_origin = _origin(site_url)
        self.context = browser.new_context(viewport={"width": 1280, "height": 1000})
        self.context.add_init_script(COLLECT_VIOLATIONS)
        self.context.set_default_timeout(30_000)
        self.origins = set()
        self.problems = []
        self.context.on("request", self._request)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"script error {error}"))

    def _request(self, request):
        if request.url.startswith(("http:", "https:")):
            self.origins.add(_origin(request.url))

    def _console(self, message):
        if message.type == "error" and "404 (Not Found)" not in message.text:
            self.problems.append(f"{self.page.url}: console {message.text}")

    def visit(self, address):
        self.page.goto(address)
        self.page.wait_for_load_state("networkidle")
        self.collect()

    def collect(self):
        """The violations so far, in the page and its frames (the admin's preview)."""
        for frame in self.page.frames:
            if frame.url.startswith(self.site_origin):
                for violation in frame.evaluate("window.__cspViolations || []"):
                    self.problems.append(f"{frame.url}: {violation}")

    @property
    def third_parties(self):
        return self.origins - {self.site_origin}


def _origin(address):
    parts = urlsplit(address)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def watcher(browser, site_url):
    watching = Watcher(browser, site_url)
    yield watching
    watching.context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_run_within_the_policy_and_fetch_only_from_the_site(
    watcher, site_url, language
):
    for path in PUBLIC_PAGES:
        watcher.visit(site_url + url(language, path))
    assert watcher.problems == []
    assert watcher.third_parties == set()


def test_the_scripts_that_change_a_page_stay_within_the_policy(watcher, site_url):
    """The reading aids (a colour scheme, ふりがな) and the glossary's pop-over."""
    watcher.visit(site_url + "/ja/measures/1/")
    page = watcher.page
    page.locator("details.reading-aids summary").click()
    page.locator("details.reading-aids button[name=furigana]").click()
    page.wait_for_load_state("networkidle")
    # Back from the server at the pressed button, in the panel opened again.
    page.locator("details.reading-aids button").first.click()
    page.wait_for_load_state("networkidle")
    page.locator("a.glossary-link").first.click()
    page.wait_for_load_state("networkidle")
    watcher.collect()
    assert watcher.problems == []
    assert watcher.third_parties == set()


def test_the_admin_runs_within_its_policy_and_fetches_only_from_the_site(
    watcher, site_url, page_id
):
    page = watcher.page
    page.goto(f"{site_url}/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{site_url}/admin/")
    page.wait_for_load_state("networkidle")
    watcher.collect()
    watcher.visit(f"{site_url}/admin/pages/{page_id('ja', 8)}/edit/")
    # The edit page's inline panels and the preview panel, which frames the public page.
    page.get_by_role("button", name="プレビュー").first.click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1").first.wait_for()
    page.wait_for_load_state("networkidle")
    watcher.collect()
    assert any("/preview/" in frame.url for frame in page.frames), "the preview was framed"
    assert watcher.problems == []
    assert watcher.third_parties == set()


@pytest.fixture
def page_id(site_url):
    """page_id(locale, number) → the id of that measure page, from the site's read API."""
    import json
    import urllib.request

    def find(locale, number):
        query = f"/api/v2/pages/?type=measures.MeasurePage&locale={locale}&slug={number}"
        with urllib.request.urlopen(site_url + query, timeout=10) as response:  # noqa: S310
            [item] = json.load(response)["items"]
        return item["id"]

    return find
