"""Fixtures shared by every app's tests and the browser journeys."""

import pytest
from django.core.cache import cache

from equityhub.accounts.roles import ADMIN, EDITOR, MODERATOR
from equityhub.accounts.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    # Rate limits and cached fragments must not leak from one test into the next.
    cache.clear()


@pytest.fixture
def member(db):
    return UserFactory(display_name="Morgan Member")


@pytest.fixture
def other_member(db):
    return UserFactory(display_name="Olwen Other")


@pytest.fixture
def moderator(db):
    return UserFactory(display_name="Mo Moderator", roles=[MODERATOR])


@pytest.fixture
def editor(db):
    return UserFactory(display_name="Eddie Editor", roles=[EDITOR])


@pytest.fixture
def admin_user(db):
    return UserFactory(display_name="Ada Admin", roles=[ADMIN])


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client
