"""The demo action plan that `make run` loads."""

import pytest
from django.core.management import call_command

from equityhub.actions.demo import ACTIONS, TEAMS, load_demo_actions
from equityhub.actions.models import Action, ActionStatus, LevelRoute, Team
from equityhub.ideas.models import Level, Notification, Status


@pytest.fixture
def demo(db) -> None:
    call_command("load_demo", verbosity=0)


def test_every_level_has_its_team_and_the_plan_has_each_kind_of_action(demo) -> None:
    assert Team.objects.count() == len(TEAMS)
    assert set(LevelRoute.objects.values_list("level", flat=True)) == set(Level.values)
    statuses = set(Action.objects.values_list("status", flat=True))
    assert statuses == {
        ActionStatus.PLANNED,
        ActionStatus.IN_PROGRESS,
        ActionStatus.DONE,
        ActionStatus.DRAFT,
    }
    draft = Action.objects.get(status=ActionStatus.DRAFT)
    assert draft.open_for_comments


def test_the_ideas_behind_published_actions_moved_with_them_silently(demo) -> None:
    done = Action.objects.get(status=ActionStatus.DONE)
    assert {idea.status for idea in done.ideas.all()} == {Status.IMPLEMENTED}
    planned = Action.objects.get(status=ActionStatus.PLANNED)
    assert {idea.status for idea in planned.ideas.all()} == {Status.IN_ACTION_PLAN}
    draft = Action.objects.get(status=ActionStatus.DRAFT)
    assert {idea.status for idea in draft.ideas.all()} == {Status.PUBLISHED}
    assert not Notification.objects.exists()


def test_loading_twice_changes_nothing(demo) -> None:
    before = list(Action.objects.values_list("pk", "version"))
    assert load_demo_actions() == len(ACTIONS)
    assert list(Action.objects.values_list("pk", "version")) == before
