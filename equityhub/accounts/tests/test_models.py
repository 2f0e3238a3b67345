import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from equityhub.accounts.models import ApiToken, User


@pytest.mark.django_db
class TestUserManager:
    def test_create_user_normalises_the_email_address(self):
        user = User.objects.create_user("  Nia.Jones@Example.ORG ".strip(), "a good passphrase")

        assert user.email == "nia.jones@example.org"
        assert user.check_password("a good passphrase")
        assert not user.is_staff
        assert not user.is_superuser
        assert user.is_active
        assert user.preferred_language == "en"

    def test_create_user_without_a_password_cannot_sign_in_with_one(self):
        user = User.objects.create_user("nopassword@example.org")

        assert not user.has_usable_password()

    def test_create_user_needs_an_email_address(self):
        with pytest.raises(ValueError, match="email address is required"):
            User.objects.create_user("", "a good passphrase")

    def test_create_superuser_is_staff_and_superuser(self):
        user = User.objects.create_superuser("Boss@Example.org", "a good passphrase")

        assert user.email == "boss@example.org"
        assert user.is_staff
        assert user.is_superuser

    def test_an_address_differing_only_in_case_is_refused(self):
        User.objects.create_user("rhys@example.org", "a good passphrase")

        with pytest.raises(ValidationError):
            User.objects.create_user("RHYS@example.org", "a good passphrase")

    def test_the_database_itself_refuses_a_duplicate_ignoring_case(self):
        User.objects.create_user("rhys@example.org", "a good passphrase")

        # Straight to the database, past the manager's lower-casing and validation.
        with pytest.raises(IntegrityError), transaction.atomic():
            User(email="Rhys@Example.org").save()

    def test_the_database_refuses_an_unknown_language(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            User(email="lang@example.org", preferred_language="fr").save()

    def test_signing_in_ignores_the_case_of_the_address(self):
        User.objects.create_user("megan@example.org", "a good passphrase")

        user = authenticate(username="Megan@Example.org", password="a good passphrase")

        assert user is not None
        assert user.email == "megan@example.org"


def test_a_user_is_shown_by_display_name_else_email():
    assert str(User(email="a@example.org", display_name="Alys")) == "Alys"
    assert str(User(email="a@example.org")) == "a@example.org"
    assert User(email="alys@example.org").get_short_name() == "alys"


def test_a_token_is_active_until_revoked():
    token = ApiToken(name="Script", prefix="eh_abcde")

    assert token.is_active
    assert str(token) == "Script (eh_abcde…)"
