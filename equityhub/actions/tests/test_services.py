from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from equityhub.actions import services
from equityhub.actions.models import Action, ActionIdea, ActionStatus
from equityhub.actions.tests.factories import ActionFactory, TeamFactory
from equityhub.ideas.models import CommentState, Follow, Level, Notification, Status
from equityhub.ideas.tests.factories import IdeaFactory, current_campaign

pytestmark = pytest.mark.django_db


def draft_from_ideas(editor, ideas):
    return services.action_create(
        campaign=current_campaign(),
        actor=editor,
        team=TeamFactory.create(),
        level=Level.PROFESSION,
        title_en="Placements in community settings",
        description_en="Work with universities.",
        ideas=[(idea, "It asked for this.") for idea in ideas],
    )


def test_a_draft_keeps_its_ideas_where_they_are_until_it_is_published(editor):
    ideas = IdeaFactory.create_batch(3)
    action = draft_from_ideas(editor, ideas)

    assert action.status == ActionStatus.DRAFT
    assert {
        idea.status for idea in type(ideas[0]).objects.filter(pk__in=[i.pk for i in ideas])
    } == {Status.PUBLISHED}

    services.action_publish(action=action, actor=editor)

    statuses = set(
        type(ideas[0]).objects.filter(pk__in=[i.pk for i in ideas]).values_list("status", flat=True)
    )
    assert statuses == {Status.IN_ACTION_PLAN}


def test_publishing_tells_the_followers_of_each_idea(editor, member):
    idea = IdeaFactory.create()
    Follow.objects.create(idea=idea, user=member)
    action = draft_from_ideas(editor, [idea])

    services.action_publish(action=action, actor=editor)

    assert Notification.objects.filter(recipient=member, idea=idea, kind="status").exists()


def test_linking_to_a_published_action_moves_the_idea_at_once(editor):
    action = ActionFactory.create()
    idea = IdeaFactory.create(status=Status.ACCEPTED)

    services.action_link_idea(action=action, idea=idea, note="Its second half.", actor=editor)

    idea.refresh_from_db()
    assert idea.status == Status.IN_ACTION_PLAN


def test_an_idea_is_linked_once_with_a_clear_message(editor):
    action = ActionFactory.create()
    idea = IdeaFactory.create()
    services.action_link_idea(action=action, idea=idea, note="First.", actor=editor)

    with pytest.raises(ValidationError) as error:
        services.action_link_idea(action=action, idea=idea, note="Again.", actor=editor)
    assert "already linked" in str(error.value)
    with pytest.raises(IntegrityError):
        ActionIdea.objects.create(action=action, idea=idea, note="Straight to the table.")


def test_a_link_needs_a_note_and_a_public_idea(editor):
    action = ActionFactory.create()
    with pytest.raises(ValidationError):
        services.action_link_idea(action=action, idea=IdeaFactory.create(), note="  ", actor=editor)
    with pytest.raises(ValidationError):
        services.action_link_idea(
            action=action, idea=IdeaFactory.create(status=Status.HIDDEN), note="Why", actor=editor
        )


def test_done_moves_ideas_to_implemented_only_when_the_editor_confirms(editor):
    first, second = (
        IdeaFactory.create(status=Status.IN_ACTION_PLAN),
        IdeaFactory.create(status=Status.IN_ACTION_PLAN),
    )
    unconfirmed = ActionFactory.create(ideas=[first])
    confirmed = ActionFactory.create(ideas=[second])

    services.action_set_status(action=unconfirmed, actor=editor, status=ActionStatus.DONE)
    services.action_set_status(
        action=confirmed, actor=editor, status=ActionStatus.DONE, mark_ideas_implemented=True
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.IN_ACTION_PLAN
    assert second.status == Status.IMPLEMENTED
    confirmed.refresh_from_db()
    assert confirmed.progress == 100


def test_dropping_needs_a_reason_in_the_service_and_the_database(editor):
    action = ActionFactory.create()
    with pytest.raises(ValidationError) as error:
        services.action_set_status(action=action, actor=editor, status=ActionStatus.DROPPED)
    assert "reason" in error.value.message_dict
    with pytest.raises(IntegrityError):
        Action.objects.filter(pk=action.pk).update(status=ActionStatus.DROPPED, dropped_reason="")


def test_only_drafts_open_for_comments(editor):
    published = ActionFactory.create()
    with pytest.raises(ValidationError):
        services.action_open_for_comments(action=published, actor=editor)
    with pytest.raises(IntegrityError):
        Action.objects.filter(pk=published.pk).update(open_for_comments=True)


def test_members_cannot_change_the_plan(member):
    action = ActionFactory.create(status=ActionStatus.DRAFT)
    with pytest.raises(PermissionDenied):
        services.action_publish(action=action, actor=member)
    with pytest.raises(PermissionDenied):
        services.action_link_idea(
            action=action, idea=IdeaFactory.create(), note="Mine", actor=member
        )


def test_progress_updates_set_the_progress_and_form_a_timeline(editor):
    action = ActionFactory.create()
    services.progress_update_add(
        action=action,
        actor=editor,
        happened_on=date(2022, 3, 1),
        text_en="Met the deans.",
        progress=20,
    )
    services.progress_update_add(
        action=action,
        actor=editor,
        happened_on=date(2022, 1, 10),
        text_en="Wrote to them.",
        progress=10,
    )
    action.refresh_from_db()
    assert action.progress == 20
    assert [u.text for u in action.updates.all()] == ["Wrote to them.", "Met the deans."]
    with pytest.raises(ValidationError):
        services.progress_update_add(
            action=action,
            actor=editor,
            happened_on=date(2022, 4, 1),
            text_en="Too far.",
            progress=101,
        )


def test_members_comment_only_on_drafts_opened_to_them(editor, member):
    draft = ActionFactory.create(status=ActionStatus.DRAFT)
    with pytest.raises(PermissionDenied):
        services.comment_create(action=draft, author=member, body="Can I say something?")

    services.action_open_for_comments(action=draft, actor=editor)
    comment = services.comment_create(action=draft, author=member, body="Include students too.")
    reply = services.comment_create(action=draft, author=editor, body="Good point.", parent=comment)

    draft.refresh_from_db()
    assert draft.comment_count == 2
    assert reply.parent_id == comment.pk

    services.action_publish(action=draft, actor=editor)
    with pytest.raises(PermissionDenied):
        services.comment_create(action=draft, author=member, body="Too late?")


def test_a_removed_comment_keeps_its_place_without_its_text(editor, member, other_member):
    draft = ActionFactory.create(status=ActionStatus.DRAFT, open_for_comments=True)
    comment = services.comment_create(action=draft, author=member, body="Hmm.")
    with pytest.raises(PermissionDenied):
        services.comment_remove(comment=comment, actor=other_member)

    services.comment_remove(comment=comment, actor=member)

    comment.refresh_from_db()
    assert (comment.state, comment.body) == (CommentState.REMOVED, "")
