"""Writes to accounts: profile changes, personal API tokens and deleting an account."""

import hashlib
import secrets
from dataclasses import dataclass

import structlog
from django.db import transaction
from django.utils import timezone

from equityhub.accounts.models import ApiToken, User

logger = structlog.get_logger("equityhub.accounts")

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


class LastSuperuserError(Exception):
    """The account is the site's only active superuser, so deleting it would lock everyone out."""


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete `user` for good, with everything that belongs to them.

    Their email addresses, API tokens, two-factor authenticators, roles and admin history go with
    the account (each is a foreign key that cascades). Apps that keep what a member published
    choose on their foreign keys whether it goes too or stays without a name (SET_NULL).
    Raises LastSuperuserError, and deletes nothing, when no other active superuser would be left.
    """
    if user.is_superuser:
        # Locked, so that the last two superusers cannot both leave at the same moment.
        superusers = User.objects.select_for_update().filter(is_superuser=True, is_active=True)
        if not any(pk != user.pk for pk in superusers.values_list("pk", flat=True)):
            raise LastSuperuserError
    user_id = user.pk
    user.delete()
    transaction.on_commit(lambda: logger.info("account_deleted", user_id=user_id))
