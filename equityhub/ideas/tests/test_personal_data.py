"""A member's ideas in their data export, and what stays of them when they delete their account."""

import json
from typing import Any

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from equityhub.accounts import selectors as account_selectors
from equityhub.accounts import services as account_services
from equityhub.accounts.tests.factories import UserFactory
from equityhub.ideas import services
from equityhub.ideas.models import (
    Comment,
    CommentState,
    Idea,
    Language,
    Level,
    NotificationPreference,
    Status,
)
from equityhub.ideas.personal_data import ideas_for_export
from equityhub.ideas.tests.factories import ThemeFactory, current_campaign

pytestmark = pytest.mark.django_db


def post(author: Any, title: str, **fields: Any) -> Idea:
    values: dict[str, Any] = {
        "body": "Occupational therapists in schools help children **learn**.",
        "level": Level.PROFESSION,
        "language": Language.ENGLISH,
        **fields,
    }
    return services.idea_create(author=author, campaign=current_campaign(), title=title, **values)


@pytest.fixture
def activity(member: Any, other_member: Any) -> dict[str, Any]:
    """The member posts two ideas (one without their name), comments, supports and follows."""
    housing = ThemeFactory(slug="housing", name_en="Housing", name_cy="Tai")
    mine = post(member, "Housing planners and OTs together", themes=[housing])
    quiet = post(member, "A quiet word in every school", show_name=False)
    theirs = post(other_member, "Their idea about work")
    services.support_add(idea=theirs, user=member)
    services.follow(idea=theirs, user=member)
    comment = services.comment_create(idea=theirs, author=member, body="Yes, **please**.")
    services.comment_create(idea=mine, author=other_member, body="Their own comment.")
    NotificationPreference.objects.create(user=member, on_comment=False)
    return {"mine": mine, "quiet": quiet, "theirs": theirs, "comment": comment}


class TestDataExport:
    def test_holds_the_members_ideas_comments_supports_follows_and_choices(self, member, activity):
        data = account_selectors.user_data_export(user=member)["ideas"]

        ideas = {idea["title"]: idea for idea in data["ideas"]}
        assert set(ideas) == {"Housing planners and OTs together", "A quiet word in every school"}
        assert ideas["Housing planners and OTs together"]["themes"] == ["housing"]
        assert ideas["Housing planners and OTs together"]["show_name"] is True
        assert ideas["A quiet word in every school"]["show_name"] is False
        assert ideas["A quiet word in every school"]["status"] == Status.PUBLISHED
        assert ideas["Housing planners and OTs together"]["comment_count"] == 1
        assert [comment["body"] for comment in data["comments"]] == ["Yes, **please**."]
        assert data["comments"][0]["idea"]["title"] == "Their idea about work"
        assert [support["idea"]["title"] for support in data["supports"]] == [
            "Their idea about work"
        ]
        # Authors follow their own ideas.
        assert [follow["idea"]["title"] for follow in data["follows"]] == [
            "Housing planners and OTs together",
            "A quiet word in every school",
            "Their idea about work",
        ]
        assert data["email_about_ideas"] == {
            "status": True,
            "response": True,
            "comment": False,
            "reply": True,
        }

    def test_leaves_out_other_members(self, member, other_member, activity):
        text = json.dumps(account_selectors.user_data_export(user=member), cls=DjangoJSONEncoder)

        assert "Their own comment." not in text
        assert other_member.email not in text
        assert "Olwen Other" not in text

    def test_the_download_page_lists_the_section(self, member_client):
        response = member_client.get("/account/export/")

        assert response.status_code == 200
        assert "the ideas and comments you have posted" in response.content.decode()

    @pytest.mark.parametrize("extra", [0, 20])
    def test_runs_a_fixed_number_of_queries(
        self, settings, member, other_member, activity, extra, django_assert_max_num_queries
    ):
        settings.EQUITYHUB_IDEAS_PER_HOUR = 100
        for number in range(extra):
            idea = post(UserFactory(), f"Another idea {number}")
            services.support_add(idea=idea, user=member)
            services.comment_create(idea=idea, author=member, body=f"Comment {number}")
            post(member, f"My idea {number}")

        # Ideas, their themes, comments, supports, follows, email choices.
        with django_assert_max_num_queries(6):
            ideas_for_export(user=member)

    def test_a_member_with_nothing_gets_empty_lists(self, member):
        data = ideas_for_export(user=member)

        assert (data["ideas"], data["comments"], data["supports"], data["follows"]) == (
            [],
            [],
            [],
            [],
        )
        assert all(data["email_about_ideas"].values())


class TestDeletingAnAccount:
    def test_keeps_ideas_and_comments_without_a_name(self, member, other_member, activity):
        account_services.user_delete(user=member)

        mine = Idea.objects.get(pk=activity["mine"].pk)
        assert mine.author is None
        assert mine.public_author_name() == "A member"
        assert mine.status == Status.PUBLISHED
        comment = Comment.objects.get(pk=activity["comment"].pk)
        assert comment.author is None
        assert comment.public_author_name() == "A member"
        assert comment.state == CommentState.PUBLISHED
        assert comment.body == "Yes, **please**."
        # The discussion and the ideas others wrote are untouched.
        theirs = Idea.objects.get(pk=activity["theirs"].pk)
        assert theirs.author == other_member
        assert theirs.comment_count == 1
