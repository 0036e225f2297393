"""What load_test prepares in its copy of the site, and how it reads forms and figures.

The run itself (gunicorn under the production settings, 50 clients for a minute) is the
command's own job: `manage.py load_test` prints its figures and fails on any error.
"""

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from measures.models import MeasurePage
from operations.loadtest.browser import form_data
from operations.loadtest.preparation import prepare
from operations.loadtest.traffic import percentile

pytestmark = pytest.mark.django_db


def test_the_reviewer_gets_a_new_password_and_an_authenticator_whose_codes_we_can_make():
    preparation = prepare("reviewer", 1)
    reviewer = get_user_model().objects.get(username="reviewer")
    assert reviewer.check_password(preparation["password"])
    device = TOTPDevice.objects.get(user=reviewer)
    assert device.confirmed
    assert device.verify_token(f"{totp(bytes.fromhex(preparation['totp_key'])):06d}")


def test_each_change_waits_for_review_and_is_not_public_yet(client):
    preparation = prepare("reviewer", 3)
    assert len(preparation["changes"]) == 3
    for change in preparation["changes"]:
        page = MeasurePage.objects.get(pk=change["page_id"])
        assert page.workflow_in_progress
        assert change["mark"] in page.get_latest_revision_as_object().situation
        public = client.get(change["url"])
        assert public.status_code == 200
        assert change["mark"] not in public.content.decode()


def test_the_public_urls_cover_every_kind_and_answer(client):
    urls = prepare("reviewer", 1)["public_urls"]
    assert set(urls) == {"home", "measure", "list", "glossary", "search", "open-data"}
    for kind, paths in urls.items():
        assert paths, kind
        assert client.get(paths[0]).status_code == 200, (kind, paths[0])


def test_a_form_is_read_as_a_browser_posts_it():
    html = """<form method="post" id="f">
      <input type="hidden" name="csrfmiddlewaretoken" value="t">
      <textarea name="text">
line one
line two</textarea>
      <input type="checkbox" name="on" value="1" checked><input type="checkbox" name="off">
      <select name="choice"><option value="a">A</option><option value="b" selected>B</option>
      </select><input type="submit" name="go" value="送信">
    </form>"""
    assert form_data(html, "form#f") == {
        "csrfmiddlewaretoken": ["t"],
        "text": ["line one\r\nline two"],
        "on": ["1"],
        "choice": ["b"],
    }


def test_percentiles_are_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 0.5) == 50
    assert percentile(values, 0.99) == 99
    assert percentile([7], 0.99) == 7


def test_a_form_leaves_out_what_a_template_holds_and_reads_unclosed_options():
    html = """<form method="get"><input name="q" value="x"></form>
    <form method="post" action="/admin/pages/6/edit/">
      <template><input name="items-__prefix__-text" value="empty form"></template>
      <input name="items-0-text" value="&lt;p&gt;一つ目">
      <select name="year"><option value="2022">令和4年度<option value="2023" selected>令和5年度
      </select><select name="departments" multiple><option value="1">情報政策課</select>
    </form>"""
    assert form_data(html, "form[method=post][action*='/edit/']") == {
        "items-0-text": ["<p>一つ目"],
        "year": ["2023"],
    }
