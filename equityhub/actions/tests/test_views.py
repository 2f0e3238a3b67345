"""The action plan's pages: "You said, we did", an action's page, editors building the plan
and members commenting on a draft opened to them."""

import pytest
from django.test import Client
from django.urls import reverse

from equityhub.actions.models import Action, ActionComment, ActionStatus
from equityhub.actions.tests.factories import ActionFactory, TeamFactory
from equityhub.ideas.models import CommentState, Idea, Level, Status
from equityhub.ideas.tests.factories import IdeaFactory, current_campaign

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_plan_groups_published_actions_by_level_with_the_ideas_behind_them(client):
    idea = IdeaFactory.create(title="Fund OTs in GP networks", status=Status.IN_ACTION_PLAN)
    ActionFactory.create(
        title_en="Lobby for primary care posts", level=Level.GOVERNMENT, ideas=[idea]
    )
    ActionFactory.create(title_en="A secret draft", status=ActionStatus.DRAFT)

    page = client.get(reverse("actions:plan")).content.decode()

    assert "What to call on governments to do" in page
    assert "Lobby for primary care posts" in page
    assert "Fund OTs in GP networks" in page
    assert "A secret draft" not in page
    assert "No actions at this level yet." in page


def test_the_plan_counts_what_became_of_the_ideas(client):
    behind = IdeaFactory.create(status=Status.IN_ACTION_PLAN)
    IdeaFactory.create_batch(2)
    ActionFactory.create(ideas=[behind], status=ActionStatus.DONE, progress=100)

    response = client.get(reverse("actions:plan"))

    summary = response.context["plan"].summary
    assert (summary.ideas_received, summary.ideas_shaping_actions) == (3, 1)
    assert (summary.actions, summary.actions_done) == (1, 1)


def test_the_plan_reads_in_welsh_with_english_marked_where_welsh_is_missing(client):
    ActionFactory.create(title_en="Only in English", title_cy="")
    ActionFactory.create(title_en="Both", title_cy="Yn Gymraeg")

    page = client.get("/cy" + reverse("actions:plan")).content.decode()

    assert '<html lang="cy"' in page
    assert "Yn Gymraeg" in page
    assert '<span lang="en">Only in English</span>' in page


@pytest.mark.parametrize("count", [10, 500])
def test_the_plan_costs_the_same_queries_whatever_its_size(
    client, django_assert_max_num_queries, count
):
    team = TeamFactory.create()
    ideas = IdeaFactory.create_batch(count, status=Status.IN_ACTION_PLAN)
    for index in range(0, count, max(1, count // 10)):
        ActionFactory.create(team=team, ideas=ideas[index : index + 5])
    with django_assert_max_num_queries(9):
        assert client.get(reverse("actions:plan")).status_code == 200


def test_an_action_page_shows_its_ideas_notes_and_timeline(client):
    idea = IdeaFactory.create(title="Ask about money", status=Status.IN_ACTION_PLAN)
    action = ActionFactory.create(title_en="A guide to asking", ideas=[idea])
    action.updates.create(
        happened_on="2022-02-01", text_en="First draft written.", progress=30, status="planned"
    )

    page = client.get(action.get_absolute_url()).content.decode()

    assert "A guide to asking" in page
    assert "Ask about money" in page
    assert "It asked for exactly this." in page
    assert "First draft written." in page


def test_the_idea_page_shows_the_actions_it_fed(client):
    idea = IdeaFactory.create(status=Status.IN_ACTION_PLAN)
    ActionFactory.create(title_en="Published action", ideas=[idea])
    ActionFactory.create(title_en="Draft action", ideas=[idea], status=ActionStatus.DRAFT)

    page = client.get(idea.get_absolute_url()).content.decode()

    assert "What this idea led to" in page
    assert "Published action" in page
    assert "It asked for exactly this." in page  # how the idea shaped it
    assert "Draft action" not in page


def test_drafts_are_for_editors_unless_opened_to_members(client, member, editor):
    draft = ActionFactory.create(status=ActionStatus.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client_for(member).get(draft.get_absolute_url()).status_code == 404
    assert client_for(editor).get(draft.get_absolute_url()).status_code == 200

    Action.objects.filter(pk=draft.pk).update(open_for_comments=True)

    assert client_for(member).get(draft.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("actions:create", {}),
        ("actions:edit", {"pk": 0}),
        ("actions:ideas", {"pk": 0}),
        ("actions:status", {"pk": 0}),
        ("actions:progress", {"pk": 0}),
    ],
)
def test_members_cannot_change_the_plan(member, name, kwargs):
    action = ActionFactory.create()
    if "pk" in kwargs:
        kwargs = {"pk": action.pk}
    response = client_for(member).post(
        reverse(name, kwargs=kwargs), {"operation": "status", "status": "done"}
    )
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.status == ActionStatus.PLANNED


def test_an_editor_builds_an_action_from_ideas_opens_it_and_publishes_it(editor):
    team = TeamFactory.create()
    ideas = IdeaFactory.create_batch(3, status=Status.ACCEPTED)
    client = client_for(editor)

    response = client.post(
        reverse("actions:create"),
        {
            "title_en": "Placements in community settings",
            "description_en": "Work with universities.",
            "level": Level.PROFESSION,
            "team": team.pk,
        },
    )
    action = Action.objects.get(title_en="Placements in community settings")
    assert response["Location"] == reverse("actions:ideas", kwargs={"pk": action.pk})

    for idea in ideas:
        response = client.post(
            reverse("actions:ideas", kwargs={"pk": action.pk}),
            {"idea": idea.pk, "note": f"Idea {idea.pk} asked for it."},
        )
        assert response.status_code == 302
    client.post(reverse("actions:status", kwargs={"pk": action.pk}), {"operation": "open"})
    action.refresh_from_db()
    assert action.open_for_comments

    client.post(
        reverse("actions:status", kwargs={"pk": action.pk}),
        {"operation": "publish", "status": ActionStatus.PLANNED},
    )

    action.refresh_from_db()
    assert (action.status, action.open_for_comments) == (ActionStatus.PLANNED, False)
    assert set(
        Idea.objects.filter(pk__in=[i.pk for i in ideas]).values_list("status", flat=True)
    ) == {Status.IN_ACTION_PLAN}


def test_a_bad_action_form_keeps_what_was_typed(editor):
    current_campaign()
    response = client_for(editor).post(
        reverse("actions:create"),
        {"title_en": "Kept title", "description_en": "", "level": "nowhere"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kept title" in page
    assert "Error:" in page


def test_a_link_without_a_note_is_refused_and_keeps_the_search(editor):
    action = ActionFactory.create(status=ActionStatus.DRAFT)
    idea = IdeaFactory.create()
    response = client_for(editor).post(
        reverse("actions:ideas", kwargs={"pk": action.pk}), {"idea": idea.pk, "note": ""}
    )
    assert response.status_code == 200
    assert f'href="#idea-{idea.pk}-note"' in response.content.decode()
    assert not action.idea_links.exists()


def test_dropping_without_a_reason_says_why_it_failed(editor):
    action = ActionFactory.create()
    response = client_for(editor).post(
        reverse("actions:status", kwargs={"pk": action.pk}),
        {"operation": "status", "status": ActionStatus.DROPPED, "reason": ""},
    )
    assert response.status_code == 200
    assert "Say why the action was dropped" in response.content.decode()


def test_members_comment_on_a_draft_opened_to_them(member, other_member):
    draft = ActionFactory.create(status=ActionStatus.DRAFT, open_for_comments=True)

    response = client_for(member).post(
        reverse("actions:comment", kwargs={"pk": draft.pk}),
        {"body": "Add <script>alert(1)</script> students too.", "show_name": "on"},
    )
    assert response.status_code == 302
    page = client_for(other_member).get(draft.get_absolute_url()).content.decode()
    assert "students too." in page
    assert "<script>alert(1)</script>" not in page
    comment = ActionComment.objects.get()
    assert f"/moderation/report/actioncomment/{comment.pk}/" in page


def test_nobody_removes_another_members_comment(member, other_member):
    draft = ActionFactory.create(status=ActionStatus.DRAFT, open_for_comments=True)
    comment = ActionComment.objects.create(
        action=draft, author=member, body="Mine.", body_html="<p>Mine.</p>"
    )
    response = client_for(other_member).post(
        reverse("actions:comment_remove", kwargs={"pk": comment.pk})
    )
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.state == CommentState.PUBLISHED
