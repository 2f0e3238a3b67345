from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from equityhub.accounts import services
from equityhub.accounts.models import ApiToken


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
class TestApiTokenCommand:
    def test_create_prints_only_the_token(self, member):
        out, err = _run("api_token", "create", member.email.upper(), "--name", "Nightly export")

        secret = out.strip()
        assert services.api_token_authenticate(secret) == member
        assert ApiToken.objects.get().name == "Nightly export"
        assert "will not be shown again" in err
        assert secret not in err

    def test_create_has_a_default_name(self, member):
        _run("api_token", "create", member.email)

        assert ApiToken.objects.get().name == "Command line"

    def test_an_unknown_address_is_a_clear_error(self, db):
        with pytest.raises(
            CommandError, match=r"No account has the email address 'x@example\.org'"
        ):
            _run("api_token", "create", "x@example.org")
        assert not ApiToken.objects.exists()

    def test_revoke_by_prefix(self, member):
        new = services.api_token_create(user=member, name="Script")

        _out, err = _run("api_token", "revoke", member.email, new.token.prefix)

        new.token.refresh_from_db()
        assert not new.token.is_active
        assert "Revoked token 'Script'" in err

    def test_revoke_needs_an_active_token_of_that_member(self, member, other_member):
        new = services.api_token_create(user=member, name="Script")

        with pytest.raises(CommandError, match="has no active token"):
            _run("api_token", "revoke", other_member.email, new.token.prefix)
        new.token.refresh_from_db()
        assert new.token.is_active
