"""Fixtures shared by every app's tests and the browser journeys."""

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.utils import translation

from equityhub.accounts.roles import ADMIN, EDITOR, MODERATOR
from equityhub.accounts.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fresh_state() -> Iterator[None]:
    # Rate limits, cached fragments and the active language must not leak between tests.
    cache.clear()
    translation.activate("en")
    yield
    translation.activate("en")


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
