"""Publishing a page of the plan rebuilds that language's report in the background."""

from django.conf import settings
from django.db import transaction

from home.models import HomePage
from measures.models import MeasurePage


def rebuild_after_publish(sender, instance, **kwargs):
    if not settings.PLAN_REPORT_BUILD_ON_PUBLISH:
        return
    if not isinstance(instance.specific, HomePage | MeasurePage):
        return
    from plan_report.tasks import build_report

    home = HomePage.objects.filter(locale_id=instance.locale_id).first()
    if home is None:
        return
    language = instance.locale.language_code
    year = home.report_fiscal_year
    transaction.on_commit(lambda: build_report.delay(year, language), robust=True)
