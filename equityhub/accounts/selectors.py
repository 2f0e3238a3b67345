"""Reads for the account pages."""

from allauth.mfa.models import Authenticator
from django.db.models import QuerySet

from equityhub.accounts.models import ApiToken, User


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    """The member's own tokens, newest first, active and revoked alike (one query)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk")


def two_factor_enabled(*, user: User) -> bool:
    """Whether the member signs in with an authenticator app as well as a password (one query)."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
