"""Every response carries the site's Content-Security-Policy, Permissions-Policy, Referrer-Policy
and Cross-Origin-Opener-Policy: strict on the public pages and embeds, looser only where the
Wagtail admin needs it."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

PUBLIC_PAGES = [
    "/ja/",
    "/en/",
    "/ja/measures/",
    "/vi/measures/?goal=1",
    "/ja/measures/8/",
    "/pt-br/measures/3/",
    "/ja/glossary/",
    "/ko/search/?q=DX",
    "/ja/open-data/",
    "/es/accessibility/",
    "/ja/accessibility/results/",
    "/zh-hans/feedback/measures/8/",
    "/ja/no-such-page/",
]
EMBEDS = ["/ja/embed/measures/8/", "/en/embed/progress/?by=department"]
UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "data:", "*")


def policy(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    directives = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        directives[name] = sources
    return directives


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_allow_only_the_sites_own_scripts_and_styles(client, db, url):
    response = client.get(url)
    assert response.status_code in {200, 404}
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    # No nonce: the page is the same for every visitor, so that it can be cached.
    assert directives["style-src"] == ["'self'"]
    assert directives["style-src-attr"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    for sources in directives.values():
        assert not set(sources) & set(UNSAFE), directives


@override_settings(EMBED_ALLOWED_HOSTS=["https://www.city.example.jp", "https://kids.example.jp"])
@pytest.mark.parametrize("url", EMBEDS)
def test_embeds_keep_the_strict_policy_and_widen_only_frame_ancestors(client, db, url):
    response = client.get(url)
    directives = policy(response)
    assert directives["frame-ancestors"] == [
        "'self'",
        "https://www.city.example.jp",
        "https://kids.example.jp",
    ]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src-attr"] == ["'none'"]
    assert "X-Frame-Options" not in response


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/search/?q=DX"])
def test_the_admin_policy_loosens_only_inline_scripts_and_styles(client, db, url):
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get(url)
    assert response.status_code == 200
    directives = policy(response)
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_the_admin_sign_in_page_has_the_admin_policy(client, db):
    assert "'unsafe-eval'" not in client.get("/admin/login/")["Content-Security-Policy"]
    assert policy(client.get("/admin/login/"))["object-src"] == ["'none'"]


@pytest.mark.parametrize("url", ["/ja/", "/ja/embed/measures/8/", "/admin/login/"])
def test_devices_referrers_and_openers_are_locked_down(client, db, url):
    response = client.get(url)
    features = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
