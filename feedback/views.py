"""/{lang}/feedback/measures/{n}/: the form, on a URL of its own so that the measure page stays
cacheable and free of tokens."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from wagtail.models import Locale

from feedback import services
from feedback.forms import FeedbackForm
from measures.models import MeasurePage


def _measure(number):
    try:
        locale = Locale.objects.get_for_language(get_language())
    except Locale.DoesNotExist as error:
        raise Http404 from error
    measure = MeasurePage.objects.live().filter(number=number, locale=locale).first()
    if measure is None:
        raise Http404
    return measure


def feedback_form(request, number):
    measure = _measure(number)
    context = {"measure": measure, "page": None, "sent": request.GET.get("sent") == "1"}
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        client = request.META.get("REMOTE_ADDR", "")
        if services.rate_limited(client):
            context.update(form=form, rate_limited=True)
            return render(request, "feedback/form.html", context, status=429)
        if form.is_valid():
            services.count_submission(client)
            if not form.is_robot:  # a robot is thanked like a person and stored nowhere
                services.receive(
                    measure,
                    form.cleaned_data["message"],
                    form.cleaned_data["reply_to"],
                    get_language(),
                )
            return redirect(f"{request.path}?sent=1")
    else:
        form = FeedbackForm()
    context["form"] = form
    return render(request, "feedback/form.html", context)
