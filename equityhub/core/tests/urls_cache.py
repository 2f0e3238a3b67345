"""The site's URLs plus a page behind the public page cache, for the cache tests only."""

from itertools import count

from django.conf.urls.i18n import i18n_patterns
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template import engines
from django.urls import path

from config.urls import handler403, handler404, handler500
from config.urls import urlpatterns as site_urlpatterns
from equityhub.core.cache import public_page_cache

renderings = count(1)

PAGE = engines["django"].from_string(
    """{% extends "base.html" %}
{% block content %}{% partialdef counter inline %}<p id="rendering">Rendering {{ rendering }} in
{{ LANGUAGE_CODE }} of {{ request.get_full_path }}</p>{% endpartialdef %}
<form method="post" action="/test-cache/message/">{% csrf_token %}<button>Send</button></form>
{% endblock %}"""
)
FRAGMENT = engines["django"].from_string("<p>Fragment {{ rendering }}</p>")


@public_page_cache
def page(request: HttpRequest) -> HttpResponse:
    template = FRAGMENT if request.headers.get("HX-Request") else PAGE
    return HttpResponse(template.render({"rendering": next(renderings)}, request))


@public_page_cache
def missing(request: HttpRequest) -> HttpResponse:
    raise Http404


def leave_message(request: HttpRequest) -> HttpResponse:
    messages.success(request, "Your message is waiting.")
    return redirect("/test-cache/page/")


urlpatterns = [
    *site_urlpatterns,
    *i18n_patterns(
        path("test-cache/page/", page),
        path("test-cache/missing/", missing),
        path("test-cache/message/", leave_message),
        prefix_default_language=False,
    ),
]

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
