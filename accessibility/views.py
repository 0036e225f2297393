"""The reading aids' toggle: stores a visitor's choice in its cookie and sends them back."""

from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accessibility.reading_aids import AIDS, COOKIE_MAX_AGE, control_id


def _back(request, name, value):
    """The page the visitor came from, at the button they pressed: the browser opens the panel
    around it and focuses it."""
    target = request.POST.get("next") or request.headers.get("referer") or "/"
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    page = target.split("#", 1)[0] if safe else "/"
    return f"{page}#{control_id(name, value)}"


# No CSRF token: the public pages carry none, so that any cache may keep them. What a forged
# post could do is change a visitor's text size or colours, which the visitor sees and undoes;
# the cookies are SameSite=Lax and no session is involved.
@csrf_exempt
@require_POST
def set_reading_aid(request):
    """Store one choice (a button named after the aid, valued with the choice), then go back."""
    for name, aid in AIDS.items():
        value = request.POST.get(name)
        if value is None:
            continue
        if value not in dict(aid.choices):
            return HttpResponseBadRequest()
        response = HttpResponseRedirect(_back(request, name, value))
        response.set_cookie(
            aid.cookie,
            value,
            max_age=COOKIE_MAX_AGE,
            samesite="Lax",
            secure=request.is_secure(),
        )
        return response
    return HttpResponseBadRequest()
