"""The Ideas Platform's rules as its services enforce them: workflow, counts, merging."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from equityhub.accounts.roles import EDITOR, MODERATOR
from equityhub.accounts.tests.factories import UserFactory
from equityhub.campaigns.models import IdeasWindow
from equityhub.campaigns.tests.factories import CampaignFactory
from equityhub.ideas import services
from equityhub.ideas.models import (
    Comment,
    CommentState,
    Follow,
    Idea,
    Level,
    Status,
    StatusChange,
    Support,
    Theme,
)
from equityhub.moderation.models import Case, CaseReason, Suspension, WordRule

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign():
    return CampaignFactory(ideas_window=IdeasWindow.OPEN, is_current=True)


def post(author, campaign, **fields):
    values: dict[str, Any] = {
        "title": "Adapt homes before discharge",
        "body": "Fund **home adaptations** so people leave hospital on time.",
        "level": Level.GOVERNMENT,
        "language": "en",
    }
    values.update(fields)
    return services.idea_create(author=author, campaign=campaign, **values)


def test_a_new_idea_is_published_followed_by_its_author_and_starts_its_timeline(member, campaign):
    housing = Theme.objects.create(slug="housing", name="Housing")

    idea = post(member, campaign, themes=[housing])

    assert idea.status == Status.PUBLISHED
    assert "<strong>home adaptations</strong>" in idea.body_html
    assert list(idea.themes.all()) == [housing]
    assert Follow.objects.filter(idea=idea, user=member).exists()
    assert list(StatusChange.objects.filter(idea=idea).values_list("to_status", "actor")) == [
        (Status.PUBLISHED, member.pk)
    ]


def test_script_in_an_idea_is_stored_as_inert_text(member, campaign):
    idea = post(member, campaign, body="<script>alert(1)</script> [x](javascript:alert(1))")

    assert "<script>" not in idea.body_html
    assert 'href="javascript' not in idea.body_html
    assert "&lt;script&gt;" in idea.body_html


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "x" * 141}, "title"),
        ({"title": "   "}, "title"),
        ({"body": ""}, "body"),
        ({"level": "everyone"}, "level"),
        ({"language": "fr"}, "language"),
    ],
)
def test_bad_input_is_refused_with_the_field_named(member, campaign, fields, field):
    with pytest.raises(ValidationError) as error:
        post(member, campaign, **fields)

    assert field in error.value.message_dict
    assert not Idea.objects.exists()


def test_the_database_refuses_an_over_long_title_whatever_the_caller(member, campaign):
    idea = post(member, campaign)

    # PostgreSQL's varchar refuses it as a DataError, SQLite's check as an IntegrityError.
    with pytest.raises(DatabaseError), transaction.atomic():
        Idea.objects.filter(pk=idea.pk).update(title="x" * 141)


def test_premoderated_campaigns_hold_new_ideas_for_review(member, campaign):
    campaign.ideas_premoderated = True
    campaign.save()

    idea = post(member, campaign)

    assert idea.status == Status.PENDING
    assert Case.objects.get().reason == CaseReason.PREMODERATION


def test_a_word_on_the_list_sends_the_idea_to_review(member, campaign):
    WordRule.objects.create(phrase="miracle cure")

    idea = post(member, campaign, body="This Miracle Cure fixes everything.")

    assert idea.status == Status.PENDING
    case = Case.objects.get()
    assert case.reason == CaseReason.WORD_RULE
    assert case.matched_words == "miracle cure"


def test_word_rules_match_whole_words_only(member, campaign):
    WordRule.objects.create(phrase="ass")

    assert post(member, campaign, body="A proper assessment at home.").status == Status.PUBLISHED


def test_the_hourly_limit_stops_the_eleventh_idea_with_a_clear_message(member, campaign, settings):
    settings.EQUITYHUB_IDEAS_PER_HOUR = 2
    post(member, campaign)
    post(member, campaign)

    with pytest.raises(ValidationError) as error:
        post(member, campaign)

    assert error.value.code == "rate_limited"
    assert "2 ideas in the last hour" in error.value.messages[0]


def test_ideas_cannot_be_posted_outside_the_campaign_window(member, campaign):
    campaign.ideas_window = IdeasWindow.SCHEDULED
    campaign.ideas_open_at = timezone.now() - timedelta(days=10)
    campaign.ideas_close_at = timezone.now() - timedelta(days=1)
    campaign.save()

    with pytest.raises(services.IdeasClosed):
        post(member, campaign)


def test_suspended_members_cannot_post(member, campaign):
    Suspension.objects.create(
        user=member,
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() + timedelta(days=1),
        reason="Spam",
    )

    with pytest.raises(PermissionDenied):
        post(member, campaign)


def test_supports_are_one_per_member_and_counted_exactly(member, other_member, campaign):
    idea = post(member, campaign)

    services.support_add(idea=idea, user=other_member)
    services.support_add(idea=idea, user=other_member)

    idea.refresh_from_db()
    assert idea.support_count == 1 == Support.objects.filter(idea=idea).count()
    services.support_remove(idea=idea, user=other_member)
    services.support_remove(idea=idea, user=other_member)
    idea.refresh_from_db()
    assert idea.support_count == 0


def test_authors_cannot_support_their_own_idea(member, campaign):
    idea = post(member, campaign)

    with pytest.raises(PermissionDenied, match="your own idea"):
        services.support_add(idea=idea, user=member)


def test_hidden_ideas_cannot_be_supported(member, other_member, moderator, campaign):
    idea = post(member, campaign)
    services.idea_hide(idea=idea, actor=moderator, reason="Reported")

    with pytest.raises(PermissionDenied):
        services.support_add(idea=Idea.objects.get(pk=idea.pk), user=other_member)


def test_the_database_allows_one_support_per_member(member, other_member, campaign):
    idea = post(member, campaign)
    Support.objects.create(idea=idea, user=other_member)

    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(idea=idea, user=other_member)


def test_authors_edit_until_someone_supports_the_idea(member, other_member, campaign):
    idea = post(member, campaign)
    idea = services.idea_update(
        idea=idea,
        actor=member,
        title="Adapt homes sooner",
        body="Sooner.",
        level=Level.PROFESSION,
        language="en",
        themes=[],
        show_name=False,
    )
    assert (idea.title, idea.level, idea.show_name) == ("Adapt homes sooner", "profession", False)

    services.support_add(idea=idea, user=other_member)

    with pytest.raises(PermissionDenied, match="no longer be changed"):
        services.idea_update(
            idea=idea,
            actor=member,
            title="Changed after support",
            body="x",
            level=Level.PROFESSION,
            language="en",
            themes=[],
            show_name=True,
        )


def test_another_member_cannot_edit_or_withdraw_an_idea(member, other_member, campaign):
    idea = post(member, campaign)

    with pytest.raises(PermissionDenied):
        services.idea_update(
            idea=idea,
            actor=other_member,
            title="Mine now",
            body="x",
            level=Level.PROFESSION,
            language="en",
            themes=[],
            show_name=True,
        )
    with pytest.raises(PermissionDenied):
        services.idea_withdraw(idea=idea, actor=other_member)


def test_the_editorial_workflow_runs_in_order_and_is_recorded(member, editor, campaign):
    idea = post(member, campaign)

    for status in (
        Status.UNDER_CONSIDERATION,
        Status.ACCEPTED,
        Status.IN_ACTION_PLAN,
        Status.IMPLEMENTED,
    ):
        idea = services.idea_change_status(idea=idea, actor=editor, to_status=status)

    assert list(idea.status_changes.values_list("to_status", flat=True)) == [
        Status.PUBLISHED,
        Status.UNDER_CONSIDERATION,
        Status.ACCEPTED,
        Status.IN_ACTION_PLAN,
        Status.IMPLEMENTED,
    ]


def test_the_workflow_refuses_a_jump(member, editor, campaign):
    idea = post(member, campaign)

    with pytest.raises(ValidationError) as error:
        services.idea_change_status(idea=idea, actor=editor, to_status=Status.IMPLEMENTED)

    assert "cannot become" in error.value.message_dict["status"][0]


def test_not_taken_forward_needs_a_reason(member, editor, campaign):
    idea = post(member, campaign)
    idea = services.idea_change_status(
        idea=idea, actor=editor, to_status=Status.UNDER_CONSIDERATION
    )

    with pytest.raises(ValidationError) as error:
        services.idea_change_status(idea=idea, actor=editor, to_status=Status.NOT_TAKEN_FORWARD)
    assert "reason" in error.value.message_dict

    idea = services.idea_change_status(
        idea=idea, actor=editor, to_status=Status.NOT_TAKEN_FORWARD, reason="Already funded."
    )
    assert idea.status_reason == "Already funded."


def test_only_editors_change_status(member, moderator, campaign):
    idea = post(member, campaign)

    for actor in (member, moderator):
        with pytest.raises(PermissionDenied):
            services.idea_change_status(
                idea=idea, actor=actor, to_status=Status.UNDER_CONSIDERATION
            )


def test_moderation_hides_from_any_state_and_restores_to_where_it_was(
    member, editor, moderator, campaign
):
    idea = post(member, campaign)
    idea = services.idea_change_status(
        idea=idea, actor=editor, to_status=Status.UNDER_CONSIDERATION
    )
    idea = services.idea_change_status(idea=idea, actor=editor, to_status=Status.ACCEPTED)

    idea = services.idea_hide(idea=idea, actor=moderator, reason="Names a patient")
    assert idea.status == Status.HIDDEN
    idea = services.idea_restore(idea=idea, actor=moderator, reason="Name removed")

    assert idea.status == Status.ACCEPTED
    assert [change.reason for change in idea.status_changes.all()][-1] == "Name removed"


def test_rejection_needs_a_reason(member, moderator, campaign):
    idea = post(member, campaign)

    with pytest.raises(ValidationError):
        services.idea_reject(idea=idea, actor=moderator, reason=" ")


def test_official_response_is_sanitised_and_dated(member, editor, campaign):
    idea = post(member, campaign)

    idea = services.idea_set_official_response(
        idea=idea, actor=editor, text="We will **raise this** <script>x</script>"
    )

    assert "<strong>raise this</strong>" in idea.official_response_html
    assert "<script>" not in idea.official_response_html
    assert idea.official_response_at is not None
    assert idea.official_response_by == editor


def test_comments_count_only_what_readers_see(member, other_member, campaign):
    idea = post(member, campaign)
    first = services.comment_create(idea=idea, author=other_member, body="Yes, and in Wales.")
    reply = services.comment_create(idea=idea, author=member, body="Thanks!", parent=first)
    idea.refresh_from_db()
    assert idea.comment_count == 2

    services.comment_remove(comment=reply, actor=member)

    idea.refresh_from_db()
    reply.refresh_from_db()
    assert idea.comment_count == 1
    assert (reply.state, reply.body) == (CommentState.REMOVED, "")


def test_replies_stay_one_level_deep(member, other_member, campaign):
    idea = post(member, campaign)
    top = services.comment_create(idea=idea, author=other_member, body="Top")
    reply = services.comment_create(idea=idea, author=member, body="Reply", parent=top)

    deeper = services.comment_create(idea=idea, author=other_member, body="Deeper", parent=reply)

    assert deeper.parent == top


def test_an_unnamed_author_stays_unnamed_in_their_own_discussion(member, other_member, campaign):
    idea = post(member, campaign, show_name=False)

    comment = services.comment_create(idea=idea, author=member, body="I wrote this idea.")

    assert comment.public_author_name() == "A member"


def test_comments_are_editable_for_fifteen_minutes(member, other_member, campaign):
    idea = post(member, campaign)
    comment = services.comment_create(idea=idea, author=other_member, body="Frist")
    comment = services.comment_edit(comment=comment, actor=other_member, body="First")
    assert comment.body == "First" and comment.edited_at is not None

    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    with pytest.raises(PermissionDenied, match="15 minutes"):
        services.comment_edit(comment=comment, actor=other_member, body="Later")


def test_one_official_answer_per_idea(member, other_member, editor, campaign):
    idea = post(member, campaign)
    first = services.comment_create(idea=idea, author=other_member, body="One")
    second = services.comment_create(idea=idea, author=member, body="Two")

    services.comment_mark_official(comment=first, actor=editor)
    services.comment_mark_official(comment=second, actor=editor)

    assert list(Comment.objects.filter(is_official_answer=True)) == [second]
    with pytest.raises(PermissionDenied):
        services.comment_mark_official(comment=first, actor=member)


def test_merging_moves_supports_and_followers_without_doubles(campaign):
    author, target_author, both, only_source, mod = UserFactory.create_batch(5)
    mod = UserFactory(roles=[MODERATOR])
    source = post(author, campaign, title="Duplicate")
    target = post(target_author, campaign, title="Original")
    for user in (both, only_source, target_author):
        services.support_add(idea=source, user=user)
    services.support_add(idea=target, user=both)
    services.comment_create(idea=source, author=only_source, body="On the duplicate")

    target = services.idea_merge(source=source, target=target, actor=mod, reason="Same idea")

    source.refresh_from_db()
    assert source.status == Status.MERGED and source.merged_into == target
    supporters = set(Support.objects.filter(idea=target).values_list("user_id", flat=True))
    assert supporters == {both.pk, only_source.pk}
    assert target.support_count == 2
    assert target.comment_count == 1
    followers = set(Follow.objects.filter(idea=target).values_list("user_id", flat=True))
    assert followers == {author.pk, target_author.pk}
    assert not Support.objects.filter(idea=source).exists()


def test_a_campaign_with_merged_ideas_can_be_deleted_and_they_go_with_it(member, campaign):
    mod = UserFactory(roles=[MODERATOR])
    source, target = post(member, campaign, title="Duplicate"), post(member, campaign)
    services.idea_merge(source=source, target=target, actor=mod)

    campaign.delete()

    assert not Idea.objects.filter(pk__in=[source.pk, target.pk]).exists()


def test_only_moderators_merge(member, campaign):
    editor_user = UserFactory(roles=[EDITOR])
    source, target = post(member, campaign), post(member, campaign, title="Other")

    with pytest.raises(PermissionDenied):
        services.idea_merge(source=source, target=target, actor=editor_user)


def test_status_changes_bump_the_version_that_keys_cached_fragments(member, editor, campaign):
    idea = post(member, campaign)
    before = Idea.objects.get(pk=idea.pk).version

    services.idea_change_status(idea=idea, actor=editor, to_status=Status.UNDER_CONSIDERATION)

    assert Idea.objects.get(pk=idea.pk).version > before


def test_deleting_a_supporters_account_keeps_the_count_exact(member, other_member, campaign):
    idea = post(member, campaign)
    services.support_add(idea=idea, user=other_member)

    other_member.delete()

    idea.refresh_from_db()
    assert idea.support_count == 0 == Support.objects.filter(idea=idea).count()
