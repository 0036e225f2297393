"""A reviewer sets up two-factor sign-in and signs in with it, in Chromium, on a site of its own
with the requirement on (STAFF_2FA_REQUIRED=1, as in production): enrolling changes how the
reviewer signs in, which the other journeys on the shared site rely on."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.admin.conftest import PASSWORD, WAIT_MS, Problems
from tests.browser.conftest import served_site, site_environment
from tests.staff_accounts.helpers import code_for


@pytest.fixture(scope="module")
def site_env(tmp_path_factory):
    for env in site_environment(tmp_path_factory, "two-factor-site"):
        env["STAFF_2FA_REQUIRED"] = "1"
        yield env


@pytest.fixture(scope="module")
def site_url(site_env):
    yield from served_site(site_env)


@pytest.fixture
def reviewer_page(browser, site_url):
    problems = Problems()
    context = browser.new_context(
        viewport={"width": 1280, "height": 1000}, locale="ja-JP", base_url=site_url
    )
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    problems.watch(page, "reviewer")
    yield page
    context.close()
    assert problems.found == []


def sign_in_with_password(page):
    page.goto("/admin/login/")
    page.locator("#id_username").fill("reviewer")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()


def test_a_reviewer_enrols_then_signs_in_with_a_code(reviewer_page):
    page = reviewer_page
    sign_in_with_password(page)

    # Sent to enrolment: the QR code and the key an app can be given by hand.
    expect(page.get_by_role("heading", name="二段階認証の設定")).to_be_visible()
    expect(page.locator("#two-factor-qr")).to_be_visible()
    key = _key(page.locator("#two-factor-secret").inner_text())
    page.get_by_label("確認コード").fill(code_for(key))
    page.get_by_role("button", name="設定を完了する").click()

    expect(page.get_by_role("heading", name="二段階認証を設定しました")).to_be_visible()
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="保管しました。管理画面へ進む").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.locator(".sidebar-footer__account").click()
    page.get_by_role("button", name="ログアウト").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))

    sign_in_with_password(page)
    expect(page.get_by_role("heading", name="確認コードの入力")).to_be_visible()
    page.get_by_label("確認コード").fill("000000")
    page.get_by_label("確認コード").press("Enter")
    expect(page.get_by_text("確認コードが正しくありません。")).to_be_visible()

    # django-otp refuses any code for a second after a wrong one, as a person would not notice.
    page.wait_for_timeout(1500)
    # The next 30-second step's code: the one used to enrol is never accepted twice.
    page.get_by_label("確認コード").fill(code_for(key, 1))
    page.get_by_label("確認コード").press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("heading", name="二段階認証がまだ設定されていません")).to_have_count(0)


def _key(shown):
    import base64

    return base64.b32decode(shown.replace(" ", ""))
