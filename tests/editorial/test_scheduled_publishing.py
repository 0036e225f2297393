"""Scheduled publishing catches up: beat's first run after it was down publishes every change
whose go-live time passed meanwhile, and nothing that is still to come."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from editorial.tasks import publish_scheduled

pytestmark = pytest.mark.django_db


def schedule(page, title, go_live_at):
    """An approved change of the page's title, to go live at go_live_at."""
    page.title = title
    page.go_live_at = go_live_at
    admin = get_user_model().objects.get(username="admin")
    return page.save_revision(user=admin, approved_go_live_at=go_live_at)


def live_title(page):
    page.refresh_from_db()
    return page.title


def test_the_first_run_after_beat_was_down_publishes_every_missed_minute(measure):
    now = timezone.now()
    schedule(measure(8), "三時間前に公開予定だった施策", now - timedelta(hours=3))
    schedule(measure(9), "二十分前に公開予定だった施策", now - timedelta(minutes=20))
    upcoming = measure(10)
    upcoming_title = upcoming.title
    schedule(upcoming, "一時間後に公開予定の施策", now + timedelta(hours=1))

    publish_scheduled.delay()  # beat is back: one run

    assert live_title(measure(8)) == "三時間前に公開予定だった施策"
    assert live_title(measure(9)) == "二十分前に公開予定だった施策"
    assert live_title(measure(10)) == upcoming_title
    assert measure(10).scheduled_revision is not None
    assert measure(8).scheduled_revision is None


def test_a_second_run_changes_nothing(measure):
    schedule(measure(8), "公開予定だった施策", timezone.now() - timedelta(hours=1))
    publish_scheduled.delay()
    published_at = measure(8).last_published_at

    publish_scheduled.delay()

    assert measure(8).last_published_at == published_at
