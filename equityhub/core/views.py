"""Site-wide pages: health check, accessibility statement, privacy notice, error pages."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Anyone (load balancers): 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy".
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    """Anyone: the accessibility statement."""
    return render(request, "core/accessibility.html")


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    """Anyone: the privacy notice."""
    return render(request, "core/privacy.html")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # The template must not need a database or context processors that might have failed.
    return render(request, "500.html", status=500)
