"""The action plan API: reading the published plan, and editors building it."""

import json
from datetime import date

import pytest
from django.test import Client

from equityhub.accounts import services as account_services
from equityhub.actions.models import Action, ActionIdea, ActionStatus, ProgressUpdate
from equityhub.actions.tests.factories import ActionFactory, TeamFactory
from equityhub.api.api import api
from equityhub.campaigns.tests.factories import CampaignFactory
from equityhub.ideas.models import Level, Status
from equityhub.ideas.tests.factories import IdeaFactory, ThemeFactory, current_campaign

pytestmark = pytest.mark.django_db

ACTIONS = "/api/v1/actions"


def _bearer(user) -> dict[str, str]:
    secret = account_services.api_token_create(user=user, name="Script").secret
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _post(client: Client, path: str, data: dict, **extra):
    return client.post(path, json.dumps(data), content_type="application/json", **extra)


@pytest.fixture
def team():
    return TeamFactory.create(slug="policy", name_en="Policy and public affairs", name_cy="Polisi")


# Reading ------------------------------------------------------------------------------------


def test_anyone_lists_published_actions_in_the_plans_order_and_never_drafts(client, team):
    idea = IdeaFactory.create()
    hidden = IdeaFactory.create(status=Status.HIDDEN)
    government = ActionFactory.create(team=team, level=Level.GOVERNMENT, ideas=[idea, hidden])
    individual = ActionFactory.create(team=team, level=Level.INDIVIDUAL, status=ActionStatus.DONE)
    ActionFactory.create(team=team, title_en="Secret draft", status=ActionStatus.DRAFT)
    ActionFactory.create(campaign=CampaignFactory.create(), title_en="Another campaign's action")

    body = client.get(ACTIONS).json()

    assert body["count"] == 2
    assert [item["id"] for item in body["items"]] == [individual.pk, government.pk]
    item = body["items"][1]
    assert item["idea_ids"] == [idea.pk]  # the hidden idea is not shown
    assert item["team"] == {"slug": "policy", "name": "Policy and public affairs", "language": "en"}
    assert item["level"] == "government"
    assert item["status"] == "planned"
    assert item["url"] == f"http://testserver/action-plan/{government.pk}/"
    assert item["campaign"] == current_campaign().slug


def test_the_list_is_in_the_language_of_the_address_and_says_when_it_falls_back(client, team):
    ActionFactory.create(
        team=team, title_en="In English", title_cy="Yn Gymraeg", level=Level.INDIVIDUAL
    )
    ActionFactory.create(
        team=team, title_en="Only English", title_cy="", description_cy="", level=Level.GOVERNMENT
    )

    items = client.get(f"/cy{ACTIONS}").json()["items"]

    assert [(i["title"], i["language"]) for i in items] == [
        ("Yn Gymraeg", "cy"),
        ("Only English", "en"),
    ]
    assert items[0]["team"]["name"] == "Polisi"
    assert items[0]["level_label"] == "Beth all pob un ohonom ei wneud"


def test_the_list_filters_by_campaign_level_and_status(client, team):
    other = CampaignFactory.create(slug="ot-week-2020")
    elsewhere = ActionFactory.create(campaign=other, team=team)
    done = ActionFactory.create(team=team, level=Level.INDIVIDUAL, status=ActionStatus.DONE)
    ActionFactory.create(team=team, level=Level.INDIVIDUAL)
    ActionFactory.create(team=team, level=Level.GOVERNMENT, status=ActionStatus.DONE)

    def ids(**params):
        return [item["id"] for item in client.get(ACTIONS, params).json()["items"]]

    assert ids(campaign="ot-week-2020") == [elsewhere.pk]
    assert ids(level="individual", status="done") == [done.pk]
    assert client.get(ACTIONS, {"status": "draft"}).status_code == 422
    assert client.get(ACTIONS, {"campaign": "no-such-week"}).status_code == 404
    assert client.get(ACTIONS, {"campaign": "<script>"}).status_code == 404


def test_the_detail_shows_the_ideas_with_their_notes_and_the_timeline(client, team):
    idea = IdeaFactory.create(title="Placements in the community")
    action = ActionFactory.create(team=team, description_en="We will **act**.")
    ActionIdea.objects.create(action=action, idea=idea, note="It asked for exactly this.")
    ProgressUpdate.objects.create(
        action=action,
        happened_on=date(2025, 6, 1),
        text_en="Started",
        text_cy="Wedi dechrau",
        progress=10,
        status=ActionStatus.PLANNED,
    )

    body = client.get(f"/cy{ACTIONS}/{action.pk}").json()

    assert body["ideas"] == [
        {
            "id": idea.pk,
            "url": f"http://testserver/cy/ideas/{idea.pk}/",
            "title": "Placements in the community",
            "language": "en",
            "status": "published",
            "note": "It asked for exactly this.",
            "linked_at": body["ideas"][0]["linked_at"],
        }
    ]
    assert [(u["happened_on"], u["text"], u["language"]) for u in body["timeline"]] == [
        ("2025-06-01", "Wedi dechrau", "cy")
    ]
    assert body["description_html"] == "<p>Byddwn yn gweithio gyda phrifysgolion.</p>\n"


def test_a_draft_is_missing_to_everyone_but_editors(client, member, editor, team):
    draft = ActionFactory.create(team=team, status=ActionStatus.DRAFT, open_for_comments=True)
    path = f"{ACTIONS}/{draft.pk}"

    assert client.get(path).status_code == 404
    assert client.get(path, **_bearer(member)).status_code == 404
    assert client.get(path, **_bearer(editor)).json()["status"] == "draft"
    assert client.get(path, HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    assert client.get(f"{ACTIONS}/0").status_code == 422


def test_the_summary_counts_what_became_of_the_ideas(client, team):
    shaping, _other = IdeaFactory.create(), IdeaFactory.create()
    ActionFactory.create(team=team, ideas=[shaping], status=ActionStatus.DONE)
    ActionFactory.create(team=team)
    ActionFactory.create(team=team, ideas=[_other], status=ActionStatus.DRAFT)

    body = client.get("/api/v1/action-plan/summary").json()

    assert body == {
        "campaign": current_campaign().slug,
        "ideas_received": 2,
        "ideas_shaping_actions": 1,
        "actions": 2,
        "actions_done": 1,
    }


def _seed(count: int, team) -> None:
    campaign = current_campaign()
    theme = ThemeFactory.create()
    ideas = [IdeaFactory.create(), IdeaFactory.create()]
    actions = Action.objects.bulk_create(
        Action(
            campaign=campaign,
            team=team,
            level=Level.values[n % 4],
            title_en=f"Action {n}",
            description_en="Text",
            status=ActionStatus.PLANNED,
        )
        for n in range(count)
    )
    Action.themes.through.objects.bulk_create(
        Action.themes.through(action=action, theme=theme) for action in actions
    )
    ActionIdea.objects.bulk_create(
        ActionIdea(action=action, idea=idea, note="Note") for action in actions for idea in ideas
    )


@pytest.mark.parametrize("count", [10, 500])
def test_the_list_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, team, count
):
    _seed(count, team)

    # The campaign, the count, the page, its themes and its ideas.
    with django_assert_max_num_queries(5):
        response = client.get(ACTIONS, {"page_size": 100})
    assert response.json()["count"] == count
    assert len(response.json()["items"]) == min(count, 100)
    assert all(len(item["idea_ids"]) == 2 for item in response.json()["items"])


# Building the plan --------------------------------------------------------------------------


def _new_action(**fields) -> dict:
    values = {
        "team": "policy",
        "level": "government",
        "title_en": "Ask for funded placements",
        "description_en": "We will **ask** ministers.",
        "title_cy": "Gofyn am leoliadau",
    }
    values.update(fields)
    return values


def test_a_member_cannot_change_the_plan(client, member, team):
    action = ActionFactory.create(team=team)
    headers = _bearer(member)

    created = _post(client, ACTIONS, _new_action(), **headers)
    linked = _post(client, f"{ACTIONS}/{action.pk}/ideas", {"idea": 1, "note": "x"}, **headers)
    progressed = _post(
        client,
        f"{ACTIONS}/{action.pk}/progress",
        {"happened_on": "2025-05-01", "text_en": "x", "progress": 5},
        **headers,
    )

    assert [created.status_code, linked.status_code, progressed.status_code] == [403, 403, 403]
    assert created.json()["message"] == "Only editors can change the action plan."
    assert Action.objects.count() == 1
    assert _post(client, ACTIONS, _new_action()).status_code == 401


def test_an_editor_starts_a_draft_from_ideas(client, editor, team):
    theme = ThemeFactory.create(slug="housing")
    first, second = IdeaFactory.create(), IdeaFactory.create()

    response = _post(
        client,
        ACTIONS,
        _new_action(
            themes=["housing"],
            target_date="2026-09-30",
            ideas=[
                {"idea": first.pk, "note": "Its main point"},
                {"idea": second.pk, "note": "Rural"},
            ],
        ),
        **_bearer(editor),
    )

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "draft"
    assert body["title"] == "Ask for funded placements"
    assert [idea["note"] for idea in body["ideas"]] == ["Its main point", "Rural"]
    assert [t["slug"] for t in body["themes"]] == [theme.slug]
    action = Action.objects.get(pk=body["id"])
    assert action.title_cy == "Gofyn am leoliadau"
    assert action.created_by == editor
    # A draft is not public: the list still does not show it.
    assert client.get(ACTIONS).json()["count"] == 0


def test_bad_input_gets_a_message_for_each_field(client, editor, team):
    response = _post(
        client,
        ACTIONS,
        _new_action(
            team="nobody",
            title_en="  ",
            level="everyone",
            themes=["no-such-theme"],
            ideas=[{"idea": 999999, "note": ""}],
        ),
        **_bearer(editor),
    )
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"level"}  # the schema's check comes first

    response = _post(
        client,
        ACTIONS,
        _new_action(
            team="nobody",
            title_en="  ",
            campaign="no-such-week",
            themes=["no-such-theme"],
            ideas=[{"idea": 999999, "note": " "}],
        ),
        **_bearer(editor),
    )
    errors = response.json()["errors"]
    assert response.status_code == 422
    assert errors == {
        "title_en": ["This field is required."],
        "campaign": ["There is no campaign with that slug."],
        "team": ["There is no team with that slug."],
        "themes": ["Unknown theme “no-such-theme”: GET /api/v1/themes lists them."],
        "ideas.0.idea": ["There is no idea with that number."],
        "ideas.0.note": ["This field is required."],
    }
    assert not Action.objects.exists()


def test_an_editor_links_an_idea_to_a_published_action_which_enters_the_plan(client, editor, team):
    action = ActionFactory.create(team=team)
    idea = IdeaFactory.create(title="More placements")

    response = _post(
        client,
        f"{ACTIONS}/{action.pk}/ideas",
        {"idea": idea.pk, "note": "It shaped it."},
        **_bearer(editor),
    )
    again = _post(
        client,
        f"{ACTIONS}/{action.pk}/ideas",
        {"idea": idea.pk, "note": "Twice"},
        **_bearer(editor),
    )

    assert response.status_code == 201
    assert response.json()["title"] == "More placements"
    assert response.json()["note"] == "It shaped it."
    idea.refresh_from_db()
    assert idea.status == Status.IN_ACTION_PLAN
    assert again.status_code == 422
    assert again.json()["errors"] == {"idea": ["This idea is already linked to this action."]}


def test_linking_needs_a_published_idea_of_the_same_campaign(client, editor, team):
    action = ActionFactory.create(team=team)
    elsewhere = IdeaFactory.create(campaign=CampaignFactory.create())
    headers = _bearer(editor)
    path = f"{ACTIONS}/{action.pk}/ideas"

    assert _post(client, path, {"idea": elsewhere.pk, "note": "x"}, **headers).json()["errors"] == {
        "idea": ["Link ideas from the same campaign as the action."]
    }
    assert _post(client, path, {"idea": 424242, "note": "x"}, **headers).json()["errors"] == {
        "idea": ["There is no idea with that number."]
    }
    assert (
        _post(client, f"{ACTIONS}/424242/ideas", {"idea": 1, "note": "x"}, **headers).status_code
        == 404
    )


def test_an_editor_reports_progress_on_a_published_action(client, editor, team):
    action = ActionFactory.create(team=team)
    draft = ActionFactory.create(team=team, status=ActionStatus.DRAFT)
    headers = _bearer(editor)
    step = {"happened_on": "2025-05-01", "text_en": "Met the deans", "text_cy": "", "progress": 30}

    response = _post(client, f"{ACTIONS}/{action.pk}/progress", step, **headers)
    on_draft = _post(client, f"{ACTIONS}/{draft.pk}/progress", step, **headers)
    too_far = _post(client, f"{ACTIONS}/{action.pk}/progress", {**step, "progress": 101}, **headers)

    assert response.status_code == 201
    assert response.json()["text"] == "Met the deans"
    action.refresh_from_db()
    assert action.progress == 30
    assert on_draft.status_code == 422
    assert on_draft.json()["errors"] == {
        "text_en": ["Publish the action before reporting progress."]
    }
    assert too_far.json()["errors"] == {"progress": ["Enter a number of at most 100."]}


# The reference -------------------------------------------------------------------------------


def test_every_action_operation_is_in_the_schema_and_the_reference(client):
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    expected = {
        ("get", "/api/v1/actions"),
        ("post", "/api/v1/actions"),
        ("get", "/api/v1/actions/{action_id}"),
        ("post", "/api/v1/actions/{action_id}/ideas"),
        ("post", "/api/v1/actions/{action_id}/progress"),
        ("get", "/api/v1/action-plan/summary"),
    }
    found = {(method, path) for path, methods in schema["paths"].items() for method in methods}
    assert expected <= found

    for prefix in ("", "/cy"):
        page = client.get(f"{prefix}/api/v1/docs")
        assert page.status_code == 200
        assert "/api/v1/action-plan/summary" in page.content.decode()
    assert (
        "The action plan: actions, the ideas behind them"
        in client.get("/api/v1/docs").content.decode()
    )
