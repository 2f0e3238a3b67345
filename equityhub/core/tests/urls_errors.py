"""The site's URLs plus pages that fail on purpose, for the error page tests only."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import handler403, handler404, handler500
from config.urls import urlpatterns as site_urlpatterns


def fail(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("A page failed on purpose.")


def refuse(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


urlpatterns = [
    *site_urlpatterns,
    *i18n_patterns(
        path("test-errors/fail/", fail),
        path("test-errors/refuse/", refuse),
        prefix_default_language=False,
    ),
]

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
