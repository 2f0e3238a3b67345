"""`manage.py api_token create EMAIL [--name NAME]` and `manage.py api_token revoke EMAIL PREFIX`.

`create` prints the new token alone on standard output, so a script can capture it; everything
meant for people goes to standard error.
"""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from equityhub.accounts import services
from equityhub.accounts.models import ApiToken, User


class Command(BaseCommand):
    help = "Create or revoke a member's personal API token."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{create,revoke}")
        create: ArgumentParser = actions.add_parser(
            "create", help="Create a token and print it (it is shown only this once)."
        )
        create.add_argument("email", help="The member's email address.")
        create.add_argument(
            "--name", default="Command line", help="What the token is for (default: %(default)s)."
        )
        revoke: ArgumentParser = actions.add_parser(
            "revoke", help="Revoke one of a member's tokens."
        )
        revoke.add_argument("email", help="The member's email address.")
        revoke.add_argument(
            "prefix", help="The token's first characters, as the account page shows."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = self._user(options["email"])
        if options["action"] == "create":
            self._create(user, options["name"])
        else:
            self._revoke(user, options["prefix"])

    def _user(self, email: str) -> User:
        try:
            return User.objects.get(email__iexact=email.strip())
        except User.DoesNotExist:
            raise CommandError(f"No account has the email address {email!r}.") from None

    def _create(self, user: User, name: str) -> None:
        name = name.strip()
        if not name or len(name) > 60:
            raise CommandError("Give the token a name of 1 to 60 characters with --name.")
        new = services.api_token_create(user=user, name=name)
        self.stderr.write(
            f"Created token {name!r} for {user.email}. Copy it now: it will not be shown again.",
            style_func=self.style.SUCCESS,
        )
        self.stdout.write(new.secret)

    def _revoke(self, user: User, prefix: str) -> None:
        prefix = prefix.strip()[: ApiToken._meta.get_field("prefix").max_length]
        matches = list(user.api_tokens.filter(prefix__startswith=prefix, revoked_at__isnull=True))
        if not matches:
            raise CommandError(f"{user.email} has no active token starting with {prefix!r}.")
        if len(matches) > 1:
            raise CommandError(
                f"{len(matches)} active tokens of {user.email} start with {prefix!r}; "
                "give more of the prefix."
            )
        token = matches[0]
        services.api_token_revoke(user=user, token_id=token.pk)
        self.stderr.write(
            f"Revoked token {token.name!r} ({token.prefix}…) of {user.email}.",
            style_func=self.style.SUCCESS,
        )
