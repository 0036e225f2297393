"""Through the shipped nginx in front of the production stack: an approval over HTTP is visible
at once on every URL it touches, staff and reading aids never get the proxy's copy.

Needs nginx and its purge module (.ci/run installs them); under CI=true it never skips.
"""

import json
import re

import pytest

from operations.loadtest.browser import Browser
from operations.loadtest.proxy import installed
from operations.loadtest.reviewer import approve, sign_in_as_prepared
from operations.loadtest.site import seeded_database
from operations.loadtest.stack import prepare_copy, running
from operations.loadtest.traffic import Figures
from page_cache import affected
from tests.conftest import IN_CI

pytestmark = [
    pytest.mark.long_running(seconds=53),
    pytest.mark.django_db,
    pytest.mark.skipif(not (installed() or IN_CI), reason="nginx is not installed"),
]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    site = prepare_copy(seeded_database(), tmp_path_factory.mktemp("stack"))
    preparation = json.loads(site.manage("prepare_load_test", "--changes=1"))
    with running(site, proxy=True) as nginx:
        assert nginx is not None, "nginx and its purge module are not installed"
        # Signed in once: an authenticator's code is accepted once.
        reviewer = Browser("127.0.0.1", nginx.port)
        sign_in_as_prepared(reviewer, Figures(), preparation)
        yield nginx, preparation, reviewer


def test_an_approval_through_the_proxy_shows_at_once_on_every_affected_url(stack, measure):
    nginx, preparation, reviewer = stack
    change = preparation["changes"][0]
    number = int(change["mark"].rsplit("-", 1)[1])  # the copy's ids need not be this database's
    urls = sorted(affected.of_measures([measure(number)]))
    reader = Browser("127.0.0.1", nginx.port)
    for url in urls:
        reader.get(url)
    before = {url: reader.get(url) for url in urls}
    cached = [
        url for url, response in before.items() if response.headers.get("x-proxy-cache") == "HIT"
    ]
    assert change["url"] in cached and "/ja/" in cached and len(cached) > len(urls) / 2

    approve(reviewer, Figures(), change["page_id"])

    after = {url: reader.get(url) for url in urls}
    for url in cached:  # neither nginx's copy nor Django's: rendered anew
        assert after[url].headers.get("x-proxy-cache") == "MISS", url
        assert after[url].headers.get("x-cache") == "MISS", url
    for url in (change["url"], "/ja/open-data/plan.json"):
        assert change["mark"] in after[url].text, url


def test_staff_and_reading_aids_bypass_the_proxy(stack):
    nginx, preparation, staff = stack
    url = preparation["changes"][0]["url"]
    reader = Browser("127.0.0.1", nginx.port)
    reader.get(url)
    reader.cookies["furigana"] = "on"
    reader.get(url)

    with_aid = reader.get(url)
    signed_in = staff.get(url)

    assert with_aid.headers["x-proxy-cache"] == "BYPASS" and with_aid.headers["x-cache"] == "HIT"
    assert "furigana-on" in with_aid.text
    assert signed_in.headers["x-proxy-cache"] == "BYPASS" and "x-cache" not in signed_in.headers


def test_static_files_are_served_from_disk_compressed_and_kept_a_year(stack):
    nginx, _preparation, _staff = stack
    reader = Browser("127.0.0.1", nginx.port)
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', reader.get("/ja/").text)[1]

    response = reader.request("GET", stylesheet, headers={"Accept-Encoding": "br"})

    assert response.status == 200
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-encoding"] == "br"
    assert "x-proxy-cache" not in response.headers  # nginx's own, not the site's
    assert reader.get("/media/documents/anything.pdf").status == 404
