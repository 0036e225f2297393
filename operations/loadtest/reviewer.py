"""The reviewer's work over HTTP, as their browser does it: sign in with the password and a code
from the authenticator, then approve (承認して公開) each change from its edit page.

Every form is read from the page the site serves and posted with its CSRF token; the approval is
the edit form posted with the hidden fields the admin's script adds for a workflow action.
"""

import time

from django_otp.oath import totp

from operations.loadtest.browser import form_data, json_field
from operations.loadtest.traffic import timed

KIND = "admin"
# What the admin's comments script adds to the edit form when nobody has written a comment.
COMMENTS_MANAGEMENT_FORM = {
    "comments-TOTAL_FORMS": ["0"],
    "comments-INITIAL_FORMS": ["0"],
    "comments-MIN_NUM_FORMS": ["0"],
    "comments-MAX_NUM_FORMS": [""],
}


class ReviewRefused(Exception):
    pass


def expect(response, status, step):
    if response is None:
        raise ReviewRefused(f"{step}: no answer")
    if response.status != status:
        raise ReviewRefused(f"{step}: HTTP {response.status} instead of {status}")
    return response


def post_form(browser, figures, path, selector, changes, step):
    """GET the page, fill its form with changes, POST it where its action points."""
    page = expect(timed(figures, KIND, browser, "get", path), 200, f"{step} (form)")
    data = {**form_data(page.text, selector), **changes}
    return timed(figures, KIND, browser, "post", path, data, path)


def sign_in(browser, figures, username, password, totp_key):
    answer = post_form(
        browser,
        figures,
        "/admin/login/?next=/admin/",
        "form[method=post]",
        {"username": [username], "password": [password]},
        "password",
    )
    second_step = expect(redirected(browser, figures, answer, "password"), 302, "admin")
    code = f"{totp(bytes.fromhex(totp_key)):06d}"
    answer = post_form(
        browser, figures, second_step.location, "form[method=post]", {"code": [code]}, "code"
    )
    expect(redirected(browser, figures, answer, "code"), 200, "dashboard")


def redirected(browser, figures, answer, step):
    """The page a form's redirect leads to."""
    return timed(figures, KIND, browser, "get", expect(answer, 302, step).location)


def sign_in_as_prepared(browser, figures, preparation):
    """sign_in() as the reviewer prepare_load_test made (its name, password and TOTP key)."""
    sign_in(
        browser,
        figures,
        preparation["reviewer"],
        preparation["password"],
        preparation["totp_key"],
    )


def approval_form(browser, figures, page_id):
    """(path, data): the change's edit page as the reviewer has it open, its form filled as the
    承認して公開 button sends it."""
    path = f"/admin/pages/{page_id}/edit/"
    page = expect(timed(figures, KIND, browser, "get", path), 200, "approval (form)")
    changes = {
        **COMMENTS_MANAGEMENT_FORM,
        "action-workflow-action": ["true"],
        "workflow-action-name": ["approve"],
        "workflow-action-extra-data": [json_field({"comment": ""})],
    }
    return path, {**form_data(page.text, "form#page-edit-form"), **changes}


def send_approval(browser, figures, page_id, form):
    """The click on 承認して公開: the form of approval_form() posted."""
    path, data = form
    answer = timed(figures, KIND, browser, "post", path, data, path)
    expect(answer, 302, f"approving page {page_id}")


def approve(browser, figures, page_id):
    send_approval(browser, figures, page_id, approval_form(browser, figures, page_id))


def review(browser, figures, preparation, pause_seconds, outcome):
    """Signs in, approves every prepared change with pauses; outcome gets approvals or a failure."""
    try:
        sign_in_as_prepared(browser, figures, preparation)
        for change in preparation["changes"]:
            time.sleep(pause_seconds)
            started = time.perf_counter()
            approve(browser, figures, change["page_id"])
            outcome["approved"].append((change["url"], time.perf_counter() - started))
    except (ReviewRefused, ValueError, RuntimeError) as refusal:  # a form missing is a refusal too
        outcome["failure"] = str(refusal)
