"""Every page lives under i18n_patterns: English at /, Welsh at /cy/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import URLPattern, URLResolver, include, path

from equityhub.api.api import api
from equityhub.core import views as core_views
from equityhub.core.admin_site import admin_site

urlpatterns: list[URLPattern | URLResolver] = [
    path("health/", core_views.health, name="health"),
    path("favicon.ico", core_views.favicon, name="favicon"),
]

urlpatterns += i18n_patterns(
    path("", include("equityhub.campaigns.urls")),
    path("", include("equityhub.core.urls")),
    path("", include("equityhub.ideas.urls")),
    path("", include("equityhub.actions.urls")),
    path("moderation/", include("equityhub.moderation.urls")),
    path("accounts/", include("allauth.urls")),
    path("account/", include("equityhub.accounts.urls")),
    path("admin/", admin_site.urls),
    path("api/v1/", api.urls),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler403 = "equityhub.core.views.permission_denied"
handler404 = "equityhub.core.views.page_not_found"
handler500 = "equityhub.core.views.server_error"
