"""Writes to accounts: profile changes and personal API tokens."""

import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from equityhub.accounts.models import ApiToken, User

TOKEN_BYTES = 32


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class NewToken:
    token: ApiToken
    secret: str  # shown to the member once, never stored


@transaction.atomic
def api_token_create(*, user: User, name: str) -> NewToken:
    secret = "eh_" + secrets.token_urlsafe(TOKEN_BYTES)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=secret[:8], key_hash=token_digest(secret)
    )
    return NewToken(token=token, secret=secret)


@transaction.atomic
def api_token_revoke(*, user: User, token_id: int) -> bool:
    """Revoke one of `user`'s own tokens; False when it is not theirs or already revoked."""
    updated = ApiToken.objects.filter(pk=token_id, user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    return updated == 1


def api_token_authenticate(secret: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=token_digest(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


@transaction.atomic
def user_update_profile(
    *, user: User, display_name: str, preferred_language: str, profession: str, region: str
) -> User:
    user.display_name = display_name
    user.preferred_language = preferred_language
    user.profession = profession
    user.region = region
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "preferred_language", "profession", "region"])
    return user
