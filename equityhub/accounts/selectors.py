"""Reads for the account pages."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from equityhub.accounts.models import ApiToken, User

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    """The member's own tokens, newest first, active and revoked alike (one query)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk")


def two_factor_enabled(*, user: User) -> bool:
    """Whether the member signs in with an authenticator app as well as a password (one query)."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def is_last_superuser(*, user: User) -> bool:
    """Whether `user` is the only active superuser, whom nobody could replace (one query)."""
    if not user.is_superuser:
        return False
    others = User.objects.filter(is_superuser=True, is_active=True).exclude(pk=user.pk)
    return not others.exists()


# Personal data export ("Download your data" on the account page).
#
# The file holds one section per kind of data, each under its own key. Accounts provides the
# sections below; any other app that keeps data about a member adds its own in its
# AppConfig.ready():
#
#     from equityhub.accounts.selectors import register_data_export_section
#     register_data_export_section(
#         "ideas", ideas_for_export, _("the ideas and comments you have posted")
#     )
#
# A section is a function called as `section(user=member)` that returns plain data (dicts, lists,
# strings, numbers, booleans, None, dates and datetimes) about that member alone, in a fixed number
# of queries. Leave out secrets (hashes, keys, codes) and anything about other people. The
# description completes "The file holds…" on the download page, so the page lists every section.


class DataExportReader(Protocol):
    def __call__(self, *, user: User) -> Any: ...


@dataclass(frozen=True, slots=True)
class DataExportSection:
    key: str
    read: DataExportReader
    description: "StrOrPromise"


def _profile(*, user: User) -> dict[str, Any]:
    """The member's own details (one query, for their roles)."""
    return {
        "email": user.email,
        "display_name": user.display_name,
        "preferred_language": user.preferred_language,
        "profession": user.profession,
        "region": user.region,
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def _email_addresses(*, user: User) -> list[dict[str, Any]]:
    """The addresses allauth holds for the member, confirmed or waiting (one query)."""
    return list(
        EmailAddress.objects.filter(user=user)
        .order_by("-primary", "email")
        .values("email", "primary", "verified")
    )


def _api_tokens(*, user: User) -> list[dict[str, Any]]:
    """What the member can see of their tokens on the account page; never the hash (one query)."""
    tokens = api_token_list(user=user).values(
        "name", "prefix", "created_at", "last_used_at", "revoked_at"
    )
    return [dict(token) for token in tokens]


def _two_factor_authenticators(*, user: User) -> list[dict[str, Any]]:
    """Which kinds of two-factor authentication are set up, and when; never a secret or a code."""
    return list(
        Authenticator.objects.filter(user=user)
        .order_by("created_at", "pk")
        .values("type", "created_at", "last_used_at")
    )


_SECTIONS: dict[str, DataExportSection] = {
    section.key: section
    for section in (
        DataExportSection(
            "profile",
            _profile,
            _(
                "your details: email address, display name, language, profession, region, "
                "roles, when you joined and when you last signed in"
            ),
        ),
        DataExportSection(
            "email_addresses",
            _email_addresses,
            _("your email addresses, and whether each one is confirmed"),
        ),
        DataExportSection(
            "api_tokens",
            _api_tokens,
            _(
                "your personal API tokens: their names, first characters and dates, but never "
                "the tokens themselves"
            ),
        ),
        DataExportSection(
            "two_factor_authenticators",
            _two_factor_authenticators,
            _(
                "how you use two-factor authentication and since when, but never its secret "
                "or your recovery codes"
            ),
        ),
    )
}
# Keys the file uses for itself.
_RESERVED_KEYS = {"exported_at"}


def register_data_export_section(
    key: str, read: DataExportReader, description: "StrOrPromise"
) -> None:
    """Add a section to every member's data export under `key` (call from AppConfig.ready).

    Registering the same function again under the same key does nothing; any other clash is a
    programming error, refused at start-up.
    """
    current = _SECTIONS.get(key)
    if current is not None and current.read is read:
        return
    if current is not None or key in _RESERVED_KEYS:
        raise ImproperlyConfigured(f"The data export already has a section called {key!r}.")
    _SECTIONS[key] = DataExportSection(key, read, description)


def data_export_sections() -> list[DataExportSection]:
    """Every section of the export, in the order the file holds them (no queries)."""
    return list(_SECTIONS.values())


def user_data_export(*, user: User) -> dict[str, Any]:
    """Everything EquityHub keeps about `user`, for them to download (a fixed number of queries)."""
    data: dict[str, Any] = {"exported_at": timezone.now()}
    for section in _SECTIONS.values():
        data[section.key] = section.read(user=user)
    return data
