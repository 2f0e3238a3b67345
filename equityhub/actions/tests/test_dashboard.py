"""The team dashboard: each team's ideas awaiting an official response, oldest first, and which
team answers each level."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from equityhub.actions import selectors
from equityhub.actions.models import LevelRoute
from equityhub.actions.tests.factories import LevelRouteFactory, TeamFactory
from equityhub.campaigns.tests.factories import CampaignFactory
from equityhub.ideas.models import Idea, Level, Status
from equityhub.ideas.tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("actions:teams")
ROUTES = reverse("actions:team_routes")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def posted(days_ago: int, **fields) -> Idea:
    """An idea posted `days_ago` whole days ago (and an hour)."""
    idea = IdeaFactory.create(**fields)
    when = timezone.now() - timedelta(days=days_ago, hours=1)
    Idea.objects.filter(pk=idea.pk).update(created_at=when)
    idea.refresh_from_db()
    return idea


@pytest.fixture
def practice(editor):
    team = TeamFactory.create(
        slug="practice", name_en="Professional practice", name_cy="Ymarfer proffesiynol"
    )
    team.members.add(editor)
    LevelRouteFactory.create(level=Level.INDIVIDUAL, team=team)
    return team


@pytest.fixture
def policy():
    team = TeamFactory.create(slug="policy", name_en="Policy and public affairs", name_cy="Polisi")
    LevelRouteFactory.create(level=Level.GOVERNMENT, team=team)
    return team


def listed_titles(response) -> list[str]:
    return [row.idea.title for row in response.context["rows"]]


class TestTheList:
    def test_an_editor_sees_their_teams_ideas_oldest_first_with_days_waiting(
        self, editor, practice, policy
    ):
        posted(3, title="Newer idea", level=Level.INDIVIDUAL)
        posted(12, title="Older idea", level=Level.INDIVIDUAL)
        posted(40, title="A government idea", level=Level.GOVERNMENT)

        response = client_for(editor).get(DASHBOARD)

        assert response.status_code == 200
        assert listed_titles(response) == ["Older idea", "Newer idea"]
        page = response.content.decode()
        assert "Waiting for Professional practice" in page
        assert "12 days" in page
        assert "3 days" in page
        assert "A government idea" not in page
        assert "Ideas awaiting a response from Professional practice, oldest first" in page
        assert 'aria-labelledby="ideas-caption"' in page
        assert 'scope="row"' in page

    def test_a_day_is_singular(self, editor, practice):
        posted(1, level=Level.INDIVIDUAL)

        page = client_for(editor).get(DASHBOARD).content.decode()

        assert re.search(r">\s*1 day\s*<", page)
        assert "1 days" not in page

    def test_the_team_can_be_switched_and_an_unknown_team_is_not_found(
        self, editor, practice, policy
    ):
        posted(40, title="A government idea", level=Level.GOVERNMENT)
        client = client_for(editor)

        response = client.get(DASHBOARD, {"team": "policy"})

        assert listed_titles(response) == ["A government idea"]
        assert "Waiting for Policy and public affairs" in response.content.decode()
        assert client.get(DASHBOARD, {"team": "nobody"}).status_code == 404

    def test_an_editor_in_no_team_sees_the_first_team(self, editor, policy):
        posted(5, title="A government idea", level=Level.GOVERNMENT)
        TeamFactory.create(slug="zzz", name_en="Zoo team")

        response = client_for(editor).get(DASHBOARD)

        assert response.context["shown"].team == policy
        assert listed_titles(response) == ["A government idea"]

    def test_answered_implemented_and_hidden_ideas_leave_the_list(self, editor, practice):
        posted(9, title="Still waiting", level=Level.INDIVIDUAL)
        posted(9, title="Answered", level=Level.INDIVIDUAL, official_response="We will.")
        posted(9, title="Implemented", level=Level.INDIVIDUAL, status=Status.IMPLEMENTED)
        posted(9, title="Hidden", level=Level.INDIVIDUAL, status=Status.HIDDEN)
        posted(9, title="Pending", level=Level.INDIVIDUAL, status=Status.PENDING)
        posted(9, title="Withdrawn", level=Level.INDIVIDUAL, status=Status.WITHDRAWN)
        posted(9, title="In the plan", level=Level.INDIVIDUAL, status=Status.IN_ACTION_PLAN)

        response = client_for(editor).get(DASHBOARD)

        assert sorted(listed_titles(response)) == ["In the plan", "Still waiting"]

    def test_a_response_published_on_the_idea_page_takes_it_off_the_list(self, editor, practice):
        idea = posted(9, title="Answer me", level=Level.INDIVIDUAL)
        client = client_for(editor)

        client.post(
            reverse("ideas:response", args=[idea.pk]), {"response-text": "Thank you: we will."}
        )

        assert listed_titles(client.get(DASHBOARD)) == []

    def test_ideas_of_earlier_editions_wait_too_and_name_their_campaign(self, editor, practice):
        earlier = CampaignFactory.create(year=2019, title_en="Week 2019", title_cy="Wythnos 2019")
        unpublished = CampaignFactory.create(year=2018, is_published=False)
        posted(700, title="From 2019", level=Level.INDIVIDUAL, campaign=earlier)
        posted(900, title="From a withdrawn edition", level=Level.INDIVIDUAL, campaign=unpublished)
        posted(2, title="From this year", level=Level.INDIVIDUAL)

        response = client_for(editor).get(DASHBOARD)

        assert listed_titles(response) == ["From 2019", "From this year"]
        assert "Week 2019" in response.content.decode()

    def test_the_summary_counts_each_teams_waiting_ideas_and_longest_wait(
        self, editor, practice, policy
    ):
        posted(3, level=Level.INDIVIDUAL)
        posted(12, level=Level.INDIVIDUAL)
        posted(30, level=Level.GOVERNMENT, official_response="Done.")
        TeamFactory.create(slug="idle", name_en="Idle team")

        response = client_for(editor).get(DASHBOARD)

        summary = {row.team.slug: row for row in response.context["board"].teams}
        assert (summary["practice"].waiting, summary["practice"].longest_wait) == (2, 12)
        assert (summary["policy"].waiting, summary["policy"].longest_wait) == (0, None)
        assert summary["idle"].levels == ()
        assert summary["practice"].is_mine and not summary["policy"].is_mine
        page = response.content.decode()
        assert "Ideas awaiting a response, by team" in page
        assert "Your team" in page

    def test_levels_nobody_answers_are_pointed_out(self, editor, practice):
        page = client_for(editor).get(DASHBOARD).content.decode()

        assert "No team answers the ideas at these levels yet" in page
        assert "What to call on governments to do" in page

    def test_the_page_says_when_there_are_no_teams(self, editor):
        page = client_for(editor).get(DASHBOARD).content.decode()

        assert "There are no teams yet." in page
        assert reverse("admin:actions_team_add") in page

    def test_long_lists_are_paginated(self, editor, practice):
        for days in range(30):
            posted(days + 1, title=f"Idea waiting {days + 1}", level=Level.INDIVIDUAL)
        client = client_for(editor)

        first = client.get(DASHBOARD)
        second = client.get(DASHBOARD, {"page": 2})

        assert len(listed_titles(first)) == 25
        assert listed_titles(first)[0] == "Idea waiting 30"
        assert listed_titles(second) == [f"Idea waiting {days}" for days in range(5, 0, -1)]
        assert "30 ideas are awaiting a response, oldest first." in first.content.decode()


class TestRouting:
    def form(self, **levels) -> dict[str, str]:
        current = {route.level: route.team.slug for route in LevelRoute.objects.all()}
        return {f"routes-{level}": slug for level, slug in {**current, **levels}.items()}

    def test_giving_a_level_to_another_team_moves_its_ideas(self, editor, practice, policy):
        LevelRouteFactory.create(level=Level.PROFESSION, team=practice)
        LevelRouteFactory.create(level=Level.PROFESSIONAL_BODY, team=policy)
        posted(6, title="An idea for each of us", level=Level.INDIVIDUAL)
        client = client_for(editor)

        response = client.post(
            ROUTES, {**self.form(individual="policy"), "team": "practice"}, follow=True
        )

        assert response.redirect_chain[-1][0] == f"{DASHBOARD}?team=practice"
        page = response.content.decode()
        assert "Ideas at “What each of us can do” now go to Policy and public affairs." in page
        assert listed_titles(response) == []
        policy_list = client.get(DASHBOARD, {"team": "policy"})
        assert listed_titles(policy_list) == ["An idea for each of us"]
        assert LevelRoute.objects.get(level=Level.INDIVIDUAL).team == policy

    def test_every_level_must_have_a_team_and_nothing_changes_on_error(
        self, editor, practice, policy
    ):
        client = client_for(editor)

        response = client.post(ROUTES, {"routes-individual": "policy", "routes-government": ""})

        assert response.status_code == 200
        page = response.content.decode()
        assert "There is a problem" in page
        assert "Choose the team that answers ideas at “What the profession can do”." in page
        # What the editor chose stays chosen.
        assert response.context["routes_form"]["individual"].value() == "policy"
        assert LevelRoute.objects.get(level=Level.INDIVIDUAL).team == practice

    def test_an_unknown_team_is_refused(self, editor, practice, policy):
        response = client_for(editor).post(ROUTES, self.form(individual="ghosts"))

        assert "Choose one of the teams in the list." in response.content.decode()
        assert LevelRoute.objects.get(level=Level.INDIVIDUAL).team == practice

    def test_saving_without_changes_says_so(self, editor, practice, policy):
        LevelRouteFactory.create(level=Level.PROFESSION, team=practice)
        LevelRouteFactory.create(level=Level.PROFESSIONAL_BODY, team=policy)

        response = client_for(editor).post(ROUTES, self.form(), follow=True)

        assert "Nothing changed: each level already had that team." in response.content.decode()

    def test_only_editors_change_routes(self, member, moderator, practice, policy):
        for user in (member, moderator):
            response = client_for(user).post(ROUTES, self.form(individual="policy"))
            assert response.status_code == 403
        assert LevelRoute.objects.get(level=Level.INDIVIDUAL).team == practice
        assert Client().post(ROUTES, self.form(individual="policy")).status_code == 302
        assert LevelRoute.objects.get(level=Level.INDIVIDUAL).team == practice

    def test_the_form_shows_each_levels_current_team(self, editor, practice, policy):
        response = client_for(editor).get(DASHBOARD)

        form = response.context["routes_form"]
        assert form["individual"].value() == "practice"
        assert form["government"].value() == "policy"
        page = response.content.decode()
        assert '<label class="govuk-label" for="id_routes-government">' in page


class TestWhoMayLook:
    def test_anonymous_visitors_are_asked_to_sign_in(self, client):
        response = client.get(DASHBOARD)

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))

    @pytest.mark.parametrize("who", ["member", "moderator"])
    def test_members_and_moderators_are_refused(self, request, who, practice):
        user = request.getfixturevalue(who)
        practice.members.add(user)

        response = client_for(user).get(DASHBOARD)

        assert response.status_code == 403

    def test_admins_may_look(self, admin_user, practice):
        assert client_for(admin_user).get(DASHBOARD).status_code == 200


def test_the_dashboard_reads_in_welsh(editor, practice):
    idea = posted(4, title="Syniad am dai", level=Level.INDIVIDUAL, language="cy")
    TeamFactory.create(slug="english-only", name_en="Only English", name_cy="")

    response = client_for(editor).get("/cy" + DASHBOARD)

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy"' in page
    assert "Ymarfer proffesiynol" in page
    assert '<span lang="en">Only English</span>' in page
    assert re.search(rf'href="/cy/ideas/{idea.pk}/"\s+lang="cy"', page)
    assert 'action="/cy/action-plan/teams/routes/"' in page


@pytest.mark.parametrize("count", [10, 500])
def test_the_dashboard_runs_a_fixed_number_of_queries(
    editor, practice, policy, django_assert_max_num_queries, count
):
    ideas = IdeaFactory.build_batch(count, level=Level.INDIVIDUAL, author=None)
    Idea.objects.bulk_create(ideas)
    posted(30, level=Level.INDIVIDUAL)
    client = client_for(editor)
    client.get(DASHBOARD)  # the session and the language, read once

    with django_assert_max_num_queries(8):
        response = client.get(DASHBOARD, {"page": 2})

    # Page 2 when there is one, else the last page.
    assert len(response.context["rows"]) == (25 if count > 25 else count + 1)
    summary = {row.team.slug: row for row in response.context["board"].teams}
    assert summary["practice"].waiting == count + 1


def test_the_board_costs_three_queries(django_assert_num_queries, editor, practice, policy):
    posted(5, level=Level.INDIVIDUAL)

    with django_assert_num_queries(3):
        board = selectors.team_board(viewer=editor)

    assert [row.waiting for row in board.teams] == [0, 1]
