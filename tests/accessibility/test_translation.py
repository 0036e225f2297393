"""The accessibility pages are translated like the rest of the site: from the content packs, never
over a string an editor changed."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from accessibility.models import AccessibilityPolicyPage, AccessibilityReportPage

pytestmark = pytest.mark.django_db


def english(model):
    return model.objects.get(locale__language_code="en")


def test_publishing_makes_missing_translations_from_the_content_packs():
    english(AccessibilityPolicyPage).delete()  # and its results page with it
    out = io.StringIO()
    call_command("publish_accessibility_report", stdout=out)

    assert "Made 2 translated pages from the content packs." in out.getvalue()
    policy, report = english(AccessibilityPolicyPage), english(AccessibilityReportPage)
    assert (policy.title, report.title) == ("Web accessibility policy", "Test results")
    assert policy.live and report.live
    assert "<h2>How we test</h2>" in policy.body
    japanese = AccessibilityReportPage.objects.get(locale__language_code="ja")
    assert report.results == japanese.results


def test_a_policy_string_an_editor_changed_is_kept_by_the_importer():
    edited = StringTranslation.objects.get(
        locale=Locale.objects.get(language_code="en"), data="How we test"
    )
    edited.data = "How this site is tested"
    edited.tool_name = ""
    edited.save()
    call_command("import_content_translations", "--update", "--locale", "en", stdout=io.StringIO())
    edited.refresh_from_db()
    assert edited.data == "How this site is tested"
