"""An integer too large for the database in an `__in` lookup matches nothing instead of failing."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db

HUGE = 10**40


def test_an_out_of_range_value_matches_nothing():
    assert list(Group.objects.filter(pk__in=[HUGE])) == []
    assert list(Group.objects.filter(pk__in=[-HUGE])) == []


def test_the_values_in_range_still_match():
    admin = get_user_model().objects.get(username="admin")
    users = get_user_model().objects.filter(pk__in=[HUGE, admin.pk])
    assert list(users) == [admin]


def test_an_admin_filter_with_an_out_of_range_id_is_no_server_error(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get(f"/admin/users/?group={HUGE}")
    assert response.status_code == 200


def test_a_foreign_key_with_an_out_of_range_value_matches_nothing():
    from wagtail.models import Page

    assert list(Page.objects.filter(owner=HUGE)) == []
    assert list(Page.objects.filter(owner__in=[HUGE])) == []
    admin = get_user_model().objects.get(username="admin")
    assert (
        Page.objects.filter(owner__in=[HUGE, admin.pk]).count()
        == Page.objects.filter(owner=admin).count()
    )


def test_the_api_filter_on_a_foreign_key_with_an_out_of_range_value_is_an_empty_list(client):
    response = client.get(f"/api/v2/pages/?alias_of={HUGE}")
    assert response.status_code == 200
    assert response.json()["items"] == []
