"""Moderation test data, built through the ideas app's factories and services."""

from collections.abc import Callable

import pytest

from equityhub.accounts.tests.factories import UserFactory
from equityhub.ideas.models import Comment, Idea
from equityhub.ideas.tests.factories import CommentFactory, IdeaFactory
from equityhub.moderation import services
from equityhub.moderation.models import ReportReason


@pytest.fixture
def author(db):
    return UserFactory.create(display_name="Awen Author", preferred_language="cy")


@pytest.fixture
def idea(author) -> Idea:
    return IdeaFactory.create(author=author, title="Free bus passes for carers")


@pytest.fixture
def comment(idea, other_member) -> Comment:
    return CommentFactory.create(idea=idea, author=other_member, body="Buy my miracle cure today")


@pytest.fixture
def report_by_many() -> Callable[..., list]:
    """Report `content` as `count` new members; returns the reports."""

    def report(content, count: int, reason: str = ReportReason.SPAM) -> list:
        return [
            services.report_create(content=content, reporter=UserFactory.create(), reason=reason)
            for _ in range(count)
        ]

    return report
