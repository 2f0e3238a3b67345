"""Site-wide pages: health check, accessibility statement, privacy notice, background jobs'
progress and downloads, error pages."""

import uuid

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import connection
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from equityhub.core.jobs import job_for_viewer
from equityhub.core.models import JobState


def contact_email() -> str:
    """Where visitors write about accessibility, privacy and the site itself."""
    return str(settings.EQUITYHUB_CONTACT_EMAIL)


@require_GET
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Anyone (load balancers): 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # Any database failure at all means "not healthy".
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """Anyone: browsers ask for /favicon.ico on pages that name no icon, such as the admin."""
    return HttpResponsePermanentRedirect(staticfiles_storage.url("images/favicon.svg"))


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    """Anyone: the accessibility statement."""
    return render(request, "core/accessibility.html", {"contact_email": contact_email()})


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    """Anyone: the privacy notice."""
    return render(request, "core/privacy.html", {"contact_email": contact_email()})


@require_GET
def job_status(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Anyone for a public job, else only the person who started it: its progress, polled by
    htmx while it runs, then its download or the way back."""
    job = job_for_viewer(pk, request.user)
    if job is None:
        raise Http404
    polled = request.headers.get("HX-Request") == "true"
    template = "core/job.html#status" if polled else "core/job.html"
    response = render(request, template, {"job": job})
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def job_download(request: HttpRequest, pk: uuid.UUID) -> FileResponse:
    """Anyone for a public job, else only the person who started it: the file it made."""
    job = job_for_viewer(pk, request.user)
    if job is None or job.state != JobState.DONE or not job.result:
        raise Http404
    return FileResponse(
        job.result.open("rb"),
        as_attachment=True,
        filename=job.result_name,
        content_type=job.result_type or "application/octet-stream",
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Anyone refused a page (handler403)."""
    return render(request, "403.html", {"contact_email": contact_email()}, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Anyone asking for a page that does not exist (handler404)."""
    return render(request, "404.html", {"contact_email": contact_email()}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Anyone, when a page fails (handler500).

    Rendered without the request, so no context processor runs and nothing touches the
    database, which may be the very thing that failed. LocaleMiddleware has already chosen the
    language, so the page is in English or Welsh like the rest of the site.
    """
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"contact_email": contact_email()}))
