"""Two-factor sign-in: reviewers and administrators enrol an authenticator app, then give a code
after their password; editors may. Tests run with the requirement on unless they say otherwise."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import WorkflowState

from tests.measures.workflow_steps import login, submit, workflow_action
from tests.staff_accounts.helpers import code_for, enrol, shown_secret, sign_in

pytestmark = pytest.mark.django_db

HOME = "/admin/"


@pytest.fixture
def required(settings):
    settings.STAFF_2FA_REQUIRED = True


def signed_in(username):
    client = Client()
    assert sign_in(client, username, settings.DEMO_PASSWORD).status_code == 302
    return client


@pytest.mark.usefixtures("required")
def test_a_reviewer_without_a_second_factor_is_sent_to_enrolment():
    reviewer = signed_in("reviewer")
    response = reviewer.get(HOME)
    assert response.status_code == 302
    assert response.url.startswith(reverse("staff_two_factor_setup"))
    page = reviewer.get(response.url).content.decode()
    assert "二段階認証の設定" in page
    assert 'src="data:image/svg+xml;base64,' in page
    shown_secret(page)


@pytest.mark.usefixtures("required")
def test_an_administrator_without_a_second_factor_is_sent_to_enrolment():
    response = signed_in("admin").get(reverse("wagtailusers_users:index"))
    assert response.url.startswith(reverse("staff_two_factor_setup"))


def test_a_reviewer_cannot_approve_before_enrolling(measure, settings):
    page = measure(6)
    editor = Client()
    login(editor, "editor-joho")
    submit(editor, page)  # reads the edit form as the administrator, before the requirement
    settings.STAFF_2FA_REQUIRED = True

    reviewer = signed_in("reviewer")
    response = workflow_action(reviewer, page, "approve")
    assert response.url.startswith(reverse("staff_two_factor_setup"))
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    enrol(reviewer)
    assert workflow_action(reviewer, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state is None  # approved and published


@pytest.mark.usefixtures("required")
def test_enrolment_shows_ten_recovery_codes_once():
    reviewer = signed_in("reviewer")
    enrol(reviewer)
    codes_page = reviewer.get(reverse("staff_two_factor_recovery_codes")).content.decode()
    codes = codes_page.split('id="recovery-codes"')[1].split("</ul>")[0].count("<code>")
    assert codes == 10
    again = reviewer.get(reverse("staff_two_factor_recovery_codes"))
    assert again.status_code == 302
    assert reviewer.get(HOME).status_code == 200


@pytest.mark.usefixtures("required")
def test_a_wrong_code_is_refused_at_enrolment():
    reviewer = signed_in("reviewer")
    reviewer.get(reverse("staff_two_factor_setup"))
    response = reviewer.post(reverse("staff_two_factor_setup"), {"code": "000000"})
    assert response.status_code == 200
    assert "確認コードが正しくありません" in response.content.decode()
    assert reviewer.get(HOME).status_code == 302


@pytest.mark.usefixtures("required")
def test_signing_in_again_asks_for_a_code_after_the_password():
    key = enrol(signed_in("reviewer"))

    reviewer = signed_in("reviewer")
    response = reviewer.get(HOME)
    assert response.url.startswith(reverse("staff_two_factor_verify"))
    wrong = reviewer.post(response.url, {"code": "123456", "next": HOME})
    assert wrong.status_code == 200
    assert "確認コードが正しくありません" in wrong.content.decode()
    assert reviewer.get(HOME).status_code == 302

    # The code of the next 30-second step: the enrolment's own code is never accepted twice.
    # Within a second of a wrong code even the right one is refused (django-otp's throttling).
    code = code_for(key, 1)
    assert reviewer.post(reverse("staff_two_factor_verify"), {"code": code}).status_code == 200
    a_second_later = timezone.now() - timedelta(seconds=2)
    TOTPDevice.objects.update(throttling_failure_timestamp=a_second_later)
    right = reviewer.post(reverse("staff_two_factor_verify"), {"code": code})
    assert right.status_code == 302
    assert reviewer.get(HOME).status_code == 200


@pytest.mark.usefixtures("required")
def test_a_recovery_code_signs_in_once():
    enrolling = signed_in("reviewer")
    enrol(enrolling)
    page = enrolling.get(reverse("staff_two_factor_recovery_codes")).content.decode()
    code = page.split('id="recovery-codes"')[1].split("<code>")[1].split("</code>")[0]

    first = signed_in("reviewer")
    assert first.post(reverse("staff_two_factor_verify"), {"code": code}).status_code == 302
    assert first.get(HOME).status_code == 200

    second = signed_in("reviewer")
    refused = second.post(reverse("staff_two_factor_verify"), {"code": code})
    assert refused.status_code == 200
    assert second.get(HOME).status_code == 302


@pytest.mark.usefixtures("required")
def test_a_password_alone_cannot_replace_the_enrolled_authenticator():
    enrol(signed_in("reviewer"))
    intruder = signed_in("reviewer")
    response = intruder.get(reverse("staff_two_factor_setup"))
    assert response.url.startswith(reverse("staff_two_factor_verify"))
    assert intruder.post(reverse("staff_two_factor_setup"), {"code": "000000"}).status_code == 302


@pytest.mark.usefixtures("required")
def test_editors_may_do_without_but_once_enrolled_give_a_code():
    editor = signed_in("editor-joho")
    assert editor.get(HOME).status_code == 200
    enrol(editor)
    again = signed_in("editor-joho")
    assert again.get(HOME).url.startswith(reverse("staff_two_factor_verify"))


def test_the_demo_accounts_may_put_enrolment_off_with_a_notice():
    assert settings.STAFF_2FA_REQUIRED is False  # the embedded default (dev and test)
    reviewer = signed_in("reviewer")
    dashboard = reviewer.get(HOME)
    assert dashboard.status_code == 200
    page = dashboard.content.decode()
    assert "二段階認証がまだ設定されていません" in page
    assert reverse("staff_two_factor_setup") in page


def test_editors_see_no_notice():
    page = signed_in("editor-joho").get(HOME).content.decode()
    assert "二段階認証がまだ設定されていません" not in page


def test_production_refuses_to_turn_the_requirement_off():
    from tests.home.test_production_settings import manage

    result = manage("check", STAFF_2FA_REQUIRED="0")
    assert result.returncode != 0
    assert "STAFF_2FA_REQUIRED" in result.stderr
    assert manage("check", STAFF_2FA_REQUIRED="1").returncode == 0
