"""The site's URLs plus the benchmark's floor (config/settings/bench.py uses them)."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import handler403, handler404, handler500
from config.urls import urlpatterns as site_urlpatterns


def floor(request: HttpRequest) -> HttpResponse:
    """Anyone: a short fixed response, the fastest page Django can serve with our middleware."""
    return HttpResponse("EquityHub\n", content_type="text/plain; charset=utf-8")


urlpatterns = [
    *site_urlpatterns,
    *i18n_patterns(path("bench/floor/", floor, name="bench_floor"), prefix_default_language=False),
]

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
