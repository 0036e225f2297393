"""The reading aids' toggle: stores a visitor's choice in its cookie and sends them back."""

from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accessibility.reading_aids import AIDS, COOKIE_MAX_AGE


def _back(request):
    target = request.POST.get("next") or request.headers.get("referer") or "/"
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else "/"


@require_POST
def set_reading_aid(request):
    """Store one choice (a button named after the aid, valued with the choice), then go back."""
    for name, aid in AIDS.items():
        value = request.POST.get(name)
        if value is None:
            continue
        if value not in dict(aid.choices):
            return HttpResponseBadRequest()
        response = HttpResponseRedirect(_back(request))
        response.set_cookie(
            aid.cookie,
            value,
            max_age=COOKIE_MAX_AGE,
            samesite="Lax",
            secure=request.is_secure(),
        )
        return response
    return HttpResponseBadRequest()
