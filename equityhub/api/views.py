"""The API's reference page at /api/v1/docs (and /cy/api/v1/docs), in place of Swagger UI."""

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import override
from ninja.conf import settings as ninja_settings
from ninja.openapi.docs import DocsBase

from equityhub.api.pagination import MAX_PAGE, MAX_PAGE_SIZE
from equityhub.api.reference import api_reference

if TYPE_CHECKING:
    from ninja import NinjaAPI


class ReferencePage(DocsBase):
    """Renders the OpenAPI schema as one of our pages; django-ninja calls it as its docs view."""

    def render_page(self, request: HttpRequest, api: "NinjaAPI", **kwargs: Any) -> HttpResponse:
        """Anyone may read the reference; it shows the API, not anyone's data."""
        root = f"{api.urls_namespace}:api-root"
        with override("en"):
            english_root = reverse(root, kwargs=kwargs)
        with override("cy"):
            welsh_root = reverse(root, kwargs=kwargs)
        return render(
            request,
            "api/reference.html",
            {
                "reference": api_reference(api, api.get_root_path(kwargs)),
                "english_base_url": request.build_absolute_uri(english_root),
                "welsh_base_url": request.build_absolute_uri(welsh_root),
                "openapi_url": self.get_openapi_url(api, kwargs),
                "per_page": ninja_settings.PAGINATION_PER_PAGE,
                "max_page_size": MAX_PAGE_SIZE,
                "max_page": MAX_PAGE,
            },
        )
