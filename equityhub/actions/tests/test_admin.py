"""Editors keep teams and level routing in the admin; actions are there to look up only."""

import pytest
from django.urls import reverse

from equityhub.accounts.roles import EDITOR
from equityhub.accounts.tests.factories import UserFactory
from equityhub.actions.models import Action, ActionStatus, LevelRoute, ProgressUpdate, Team
from equityhub.actions.tests.factories import ActionFactory, LevelRouteFactory, TeamFactory
from equityhub.ideas.models import Level
from equityhub.ideas.tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

TEAM_ADD = reverse("admin:actions_team_add")


def team_form(**overrides: object) -> dict[str, object]:
    return {
        "name_en": "Learning and development",
        "name_cy": "Dysgu a datblygu",
        "slug": "learning",
        **overrides,
    }


class TestTeams:
    def test_an_editor_adds_a_team_with_its_welsh_name_and_members(self, client, editor):
        colleague = UserFactory.create(display_name="Cai Colleague", roles=[EDITOR])
        outsider = UserFactory.create(display_name="Olly Outsider")
        client.force_login(editor)

        form = client.get(TEAM_ADD).content.decode()
        assert 'name="name_en"' in form and 'name="name_cy"' in form
        assert "Cai Colleague" in form
        assert "Olly Outsider" not in form  # only editors and admins can be members
        response = client.post(TEAM_ADD, team_form(members=[colleague.pk]))

        assert response.status_code == 302
        team = Team.objects.get(slug="learning")
        assert (team.name_en, team.name_cy) == ("Learning and development", "Dysgu a datblygu")
        assert list(team.members.all()) == [colleague]
        assert outsider not in team.members.all()

    def test_an_english_name_is_required(self, client, editor):
        client.force_login(editor)

        response = client.post(TEAM_ADD, team_form(name_en=""))

        assert response.status_code == 200
        assert "This field is required." in response.content.decode()
        assert not Team.objects.exists()

    def test_the_list_shows_each_teams_levels_and_members(self, client, editor):
        team = TeamFactory.create(name_en="Policy and public affairs", members=[editor])
        LevelRouteFactory.create(level=Level.GOVERNMENT, team=team)
        client.force_login(editor)

        page = client.get(reverse("admin:actions_team_changelist")).content.decode()

        assert "Policy and public affairs" in page
        assert "What to call on governments to do" in page
        assert '<td class="field-member_count">1</td>' in page


class TestLevelRoutes:
    def test_an_editor_gives_a_level_to_another_team_from_the_list(self, client, editor):
        practice = TeamFactory.create(slug="practice")
        policy = TeamFactory.create(slug="policy")
        route = LevelRouteFactory.create(level=Level.INDIVIDUAL, team=practice)
        client.force_login(editor)

        response = client.post(
            reverse("admin:actions_levelroute_changelist"),
            {
                "form-TOTAL_FORMS": "1",
                "form-INITIAL_FORMS": "1",
                "form-0-id": str(route.pk),
                "form-0-team": str(policy.pk),
                "_save": "Save",
            },
        )

        assert response.status_code == 302
        assert LevelRoute.objects.get(level=Level.INDIVIDUAL).team == policy

    def test_a_new_route_goes_through_the_service_and_a_level_has_only_one(self, client, editor):
        team = TeamFactory.create()
        LevelRouteFactory.create(level=Level.INDIVIDUAL, team=team)
        client.force_login(editor)
        add = reverse("admin:actions_levelroute_add")

        assert client.post(add, {"level": Level.GOVERNMENT, "team": team.pk}).status_code == 302
        again = client.post(add, {"level": Level.INDIVIDUAL, "team": team.pk})

        assert again.status_code == 200
        assert "already exists" in again.content.decode()
        assert LevelRoute.objects.count() == 2

    def test_routes_cannot_be_deleted(self, client, editor):
        route = LevelRouteFactory.create(level=Level.INDIVIDUAL)
        client.force_login(editor)

        response = client.get(reverse("admin:actions_levelroute_delete", args=[route.pk]))

        assert response.status_code == 403
        assert LevelRoute.objects.filter(pk=route.pk).exists()


class TestActions:
    def test_an_editor_finds_an_action_and_its_ideas_but_changes_it_on_the_site(
        self, client, editor
    ):
        idea = IdeaFactory.create(title="Placements in the community")
        action = ActionFactory.create(title_en="Work with universities", ideas=[idea], progress=40)
        ProgressUpdate.objects.create(
            action=action,
            happened_on="2022-01-10",
            text_en="Met three universities.",
            progress=40,
            status=ActionStatus.PLANNED,
        )
        client.force_login(editor)

        listing = client.get(reverse("admin:actions_action_changelist"), {"q": "universities"})
        assert listing.status_code == 200
        assert "Work with universities" in listing.content.decode()
        assert "40%" in listing.content.decode()

        change_url = reverse("admin:actions_action_change", args=[action.pk])
        page = client.get(change_url).content.decode()
        assert "Placements in the community" in page
        assert "Met three universities." in page
        assert 'name="_save"' not in page
        assert reverse("actions:edit", kwargs={"pk": action.pk}) in page

        response = client.post(change_url, {"title_en": "Changed", "status": "done"})
        assert response.status_code == 403
        action.refresh_from_db()
        assert (action.title_en, action.status) == ("Work with universities", ActionStatus.PLANNED)
        assert client.get(reverse("admin:actions_action_add")).status_code == 403
        delete = reverse("admin:actions_action_delete", args=[action.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403
        assert Action.objects.filter(pk=action.pk).exists()

    def test_progress_updates_are_read_only(self, client, editor):
        update = ProgressUpdate.objects.create(
            action=ActionFactory.create(),
            happened_on="2022-01-10",
            text_en="Started.",
            progress=10,
            status=ActionStatus.PLANNED,
        )
        client.force_login(editor)

        page = client.get(reverse("admin:actions_progressupdate_change", args=[update.pk]))

        assert page.status_code == 200
        assert 'name="_save"' not in page.content.decode()
        assert client.get(reverse("admin:actions_progressupdate_add")).status_code == 403


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:actions_team_changelist",
        "admin:actions_levelroute_changelist",
        "admin:actions_action_changelist",
        "admin:actions_progressupdate_changelist",
    ],
)
def test_the_admin_pages_load_for_editors_and_are_refused_to_members(
    client, editor, member, url_name
):
    client.force_login(editor)
    assert client.get(reverse(url_name)).status_code == 200

    client.force_login(member)
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_members_cannot_add_teams(client, member):
    client.force_login(member)

    response = client.post(TEAM_ADD, team_form())

    assert response.status_code == 302
    assert not Team.objects.exists()
