"""The JSON API at /api/v1/: each app contributes a router from its own api.py."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from equityhub.accounts.api import router as accounts_router
from equityhub.actions.api import router as actions_router
from equityhub.api import errors
from equityhub.api.views import ReferencePage
from equityhub.campaigns.api import router as campaigns_router
from equityhub.ideas.api import router as ideas_router
from equityhub.ideas.api_gaps import router as gaps_router

api = NinjaAPI(
    title="EquityHub API",
    version="1.0.0",
    description=str(
        _(
            "Read campaigns, FAQs, publications and ideas; members post, support, discuss and "
            "report ideas. Authenticate with a personal token (Authorization: Bearer …) or a "
            "signed-in browser session."
        )
    ),
    urls_namespace="api",
    # Our own accessible, bilingual reference page at /api/v1/docs instead of Swagger UI.
    docs=ReferencePage(),
)
errors.install(api)
api.add_router("/", campaigns_router)
# Before the ideas router: its /ideas/{idea_id} would take /ideas/gaps for an id.
api.add_router("/", gaps_router)
api.add_router("/", ideas_router)
api.add_router("/", actions_router)
api.add_router("/me", accounts_router)
