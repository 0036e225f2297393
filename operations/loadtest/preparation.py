"""What the load test needs inside the site, made in the site's own database before it starts.

Run by `manage.py prepare_load_test` under the production settings of the copied site: the
reviewer gets a password nobody else knows and an authenticator (a TOTP device, confirmed, as
enrolment leaves it), and a few measures get a change submitted for review, each carrying a mark
the public page shows once the change is published. Also the public URLs the traffic visits,
read from the site (its languages, measures and glossary terms).
"""

import secrets
from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Locale

from glossary.models import GlossaryIndexPage, GlossaryTerm
from home.models import HomePage
from measures.importer.proposals import submit_for_review, system_user
from measures.models import MeasureIndexPage, MeasurePage
from staff_accounts.two_factor import APP_DEVICE_NAME

SEARCH_WORDS = ["スマート農業", "マイナンバー", "オープンデータ", "防災", "DX", "子育て"]


@dataclass
class ChangeUnderReview:
    page_id: int
    url: str
    mark: str


@dataclass
class Preparation:
    reviewer: str
    password: str
    totp_key: str  # hex, as django_otp stores it
    changes: list
    public_urls: dict  # kind → paths


@transaction.atomic
def prepare(reviewer_name, change_count):
    return asdict(
        Preparation(
            reviewer=reviewer_name,
            password=(password := secrets.token_urlsafe(24)),
            totp_key=enrol_reviewer(reviewer_name, password),
            changes=submit_changes(change_count),
            public_urls=public_urls(),
        )
    )


def enrol_reviewer(username, password):
    """A fresh password and a confirmed authenticator for the reviewer; returns its key."""
    user = get_user_model().objects.get(username=username, is_active=True)
    user.set_password(password)
    user.save(update_fields=["password"])
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=True)
    return device.key


def submit_changes(count):
    """count Japanese measures get a change by the import's user, submitted for review."""
    author = system_user()
    run = secrets.token_hex(4)
    measures = MeasurePage.objects.live().filter(locale=Locale.get_default()).order_by("number")
    changes = []
    for measure in measures:
        if len(changes) == count:
            break
        if measure.workflow_in_progress:
            continue
        mark = f"負荷試験{run}-{measure.number}"
        draft = measure.get_latest_revision_as_object()
        draft.situation = f"{draft.situation}\n\n{mark}で見直しました。"
        submit_for_review(draft, author)
        changes.append(ChangeUnderReview(measure.pk, measure.url, mark))
    if len(changes) < count:
        raise ValueError(f"only {len(changes)} measures can take a change for review")
    return [asdict(change) for change in changes]


def public_urls():
    """The public pages the traffic visits, by kind, in every language the site has."""
    homes = HomePage.objects.live()
    indexes = MeasureIndexPage.objects.live()
    measures = MeasurePage.objects.live().order_by("locale_id", "number")
    words = SEARCH_WORDS + list(
        GlossaryTerm.objects.filter(locale=Locale.get_default()).values_list("term", flat=True)[:14]
    )
    return {
        "home": [home.url for home in homes],
        "measure": [measure.url for measure in measures],
        "list": [index.url for index in indexes]
        + [f"{index.url}?goal={goal}" for index in indexes for goal in (1, 2, 3, 4)],
        "glossary": [page.url for page in GlossaryIndexPage.objects.live()],
        "search": [f"/ja/search/?{urlencode({'q': word})}" for word in words],
        "open-data": ["/ja/open-data/plan.json"],
    }
