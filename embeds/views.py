"""/{lang}/embed/measures/{n}/ (a measure's status card) and /{lang}/embed/progress/ (the chart
of the home page), framable only by the hosts in EMBED_ALLOWED_HOSTS."""

from functools import wraps

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.clickjacking import xframe_options_exempt
from wagtail.models import Locale

from home.models import HomePage
from measures.models import published_measures
from measures.progress_overview import overview_by_department, overview_by_goal


def frame_ancestors():
    return ["'self'", *settings.EMBED_ALLOWED_HOSTS]


def embeddable(view):
    """Allow framing by the configured hosts only: the site's Content-Security-Policy with their
    frame-ancestors (it replaces X-Frame-Options, which cannot name several hosts)."""

    @xframe_options_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # Read by django-csp's middleware (cms/csp.py), at each request: the hosts are settings.
        response._csp_replace = {"frame-ancestors": frame_ancestors()}
        return response

    return wrapped


def _home():
    locale = Locale.objects.filter(language_code=get_language()).first()
    home = HomePage.objects.live().filter(locale=locale).first() if locale else None
    if home is None:
        raise Http404
    return home


@embeddable
def measure_card(request, number):
    home = _home()
    measure = published_measures(home).filter(number=number).first()
    if measure is None:
        raise Http404
    context = {"measure": measure, "report_fiscal_year": home.report_fiscal_year}
    return render(request, "embeds/measure_card.html", context)


@embeddable
def progress_chart(request):
    """The chart by basic goal (home page), or by lead department (?by=department, list page)."""
    home = _home()
    measures = published_measures(home)
    by_department = request.GET.get("by") == "department"
    if by_department:
        overview = overview_by_department(measures, home.report_fiscal_year)
    else:
        goals = {goal.number: goal for goal in home.goals.all()}
        overview = overview_by_goal(measures, goals, home.report_fiscal_year)
    context = {"overview": overview, "home": home, "by_department": by_department}
    return render(request, "embeds/progress_chart.html", context)
