from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from operations.health import run_checks


@never_cache
@require_safe
def healthz(request):
    """200 when every part works, 503 naming the failing parts otherwise (for load balancers and
    docker compose; no login, no secrets)."""
    report = run_checks()
    return JsonResponse(report, status=200 if report["ok"] else 503)
