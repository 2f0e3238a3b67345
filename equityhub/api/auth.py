"""API authentication: a personal token (`Authorization: Bearer …`) or the browser session."""

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from equityhub.accounts.services import api_token_authenticate


class PersonalToken(HttpBearer):
    openapi_description = "A personal API token, created on the account page."

    def authenticate(self, request: HttpRequest, token: str) -> object | None:
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


personal_token = PersonalToken()
# Either is enough; the token is tried first so scripts never need a CSRF token.
MEMBER_AUTH = [personal_token, django_auth]
