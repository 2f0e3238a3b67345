"""The demo ideas: bilingual themes, ideas at every level with their discussion and history,
exact counts, searchable, and safe to load twice."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Model

from equityhub.accounts.models import User
from equityhub.campaigns.models import Campaign
from equityhub.core.models import SearchDocument
from equityhub.core.search import search
from equityhub.ideas.demo import DEMO_MEMBERS, IDEAS, IDEAS_2020, THEMES, load_demo_ideas
from equityhub.ideas.models import (
    Comment,
    CommentState,
    Follow,
    Idea,
    Language,
    Level,
    Notification,
    Status,
    StatusChange,
    Support,
    Theme,
)

pytestmark = pytest.mark.django_db

# 24 ideas for 2021 and 10 for 2020, which the gap map compares 2021 with.
ALL_IDEAS = IDEAS + IDEAS_2020

MODELS: tuple[type[Model], ...] = (
    Theme,
    Idea,
    Idea.themes.through,
    Support,
    Comment,
    Follow,
    StatusChange,
    User,
    SearchDocument,
)


def snapshot() -> dict[str, list[tuple[object, ...]]]:
    """Every column of every row the demo ideas touch, in pk order."""
    return {
        model.__name__: list(
            model._default_manager.order_by("pk").values_list(
                *(field.attname for field in model._meta.concrete_fields)
            )
        )
        for model in MODELS
    }


@pytest.fixture
def media(settings, tmp_path):
    """The demo's stand-in report goes to a temporary folder, not the developer's media."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def demo(media) -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_loading_twice_changes_nothing(demo) -> None:
    assert f"{len(ALL_IDEAS)} ideas" in demo
    first = snapshot()

    assert load_demo_ideas() == len(ALL_IDEAS)
    call_command("load_demo", stdout=StringIO())

    assert snapshot() == first


def test_a_lost_idea_comes_back_and_the_rest_stay_as_they_are(demo) -> None:
    Idea.objects.filter(title=IDEAS[0].title).delete()
    Theme.objects.filter(slug="housing").update(name_cy="Something else")
    others = snapshot()["Idea"]

    assert load_demo_ideas() == len(ALL_IDEAS)

    again = Idea.objects.get(title=IDEAS[0].title)
    assert again.support_count == len(IDEAS[0].supporters)
    assert Theme.objects.get(slug="housing").name_cy == "Tai"
    assert all(row in snapshot()["Idea"] for row in others)


def test_ten_themes_in_english_and_welsh(demo) -> None:
    themes = list(Theme.objects.order_by("position"))
    assert [theme.slug for theme in themes] == [theme.slug for theme in THEMES]
    assert len(themes) == 10
    assert all(theme.name_en and theme.name_cy for theme in themes)
    assert Theme.objects.get(slug="justice-system").name_cy == "Y system gyfiawnder"
    # Every theme has ideas, so every filter shows something.
    assert not Theme.objects.filter(ideas__isnull=True).exists()


def test_the_2021_campaign_takes_ideas(demo) -> None:
    campaign = Campaign.objects.get(slug="ot-week-2021")
    assert campaign.ideas_window == "open"
    assert campaign.ideas_are_open()
    assert not Campaign.objects.get(slug="ot-week-2019").ideas_are_open()


def test_ideas_at_every_level_in_both_languages_some_without_a_name(demo) -> None:
    ideas = Idea.objects.filter(campaign__slug="ot-week-2021")
    assert ideas.count() == 24
    assert Counter(ideas.values_list("level", flat=True)) == dict.fromkeys(Level.values, 6)
    assert ideas.filter(language=Language.WELSH).count() == 5
    assert ideas.filter(show_name=False).count() == 4
    assert {idea.title for idea in ideas} == {demo_idea.title for demo_idea in IDEAS}
    # Posted during the campaign week.
    for idea in ideas:
        assert (idea.created_at.year, idea.created_at.month) == (2021, 11)
        assert idea.created_at.day <= 7


def test_statuses_with_their_timeline_response_and_reason(demo) -> None:
    statuses = Counter(
        Idea.objects.filter(campaign__slug="ot-week-2021").values_list("status", flat=True)
    )
    assert statuses[Status.UNDER_CONSIDERATION] == 1
    assert statuses[Status.ACCEPTED] == 1
    assert statuses[Status.NOT_TAKEN_FORWARD] == 1
    # The demo action plan (equityhub/actions/demo.py) takes six ideas further: four into
    # the plan with its published actions, two implemented with the action that is done.
    assert statuses[Status.IN_ACTION_PLAN] == 4
    assert statuses[Status.IMPLEMENTED] == 2
    assert statuses[Status.PUBLISHED] == 15

    accepted = Idea.objects.get(status=Status.ACCEPTED)
    assert "Roots of recovery" in accepted.official_response
    assert "<em>Roots of recovery</em>" in accepted.official_response_html
    assert accepted.official_response_at is not None
    assert accepted.official_response_by == User.objects.get(email="editor@equityhub.example")
    timeline = list(
        StatusChange.objects.filter(idea=accepted)
        .order_by("created_at")
        .values_list("to_status", flat=True)
    )
    assert timeline == [Status.PUBLISHED, Status.UNDER_CONSIDERATION, Status.ACCEPTED]

    declined = Idea.objects.get(status=Status.NOT_TAKEN_FORWARD)
    assert "housing specialist section" in declined.status_reason


def test_counts_are_exact_and_supports_come_from_others(demo) -> None:
    for idea in Idea.objects.all():
        assert idea.author_id is not None
        assert idea.support_count == idea.supports.count()
        assert idea.comment_count == idea.comments.filter(state=CommentState.PUBLISHED).count()
        assert not idea.supports.filter(user_id=idea.author_id).exists()
        assert idea.follows.filter(user_id=idea.author_id).exists()
    assert Support.objects.count() == sum(len(demo_idea.supporters) for demo_idea in ALL_IDEAS)
    assert Comment.objects.filter(parent__isnull=False).count() >= 5
    assert Comment.objects.filter(is_official_answer=True).count() == 1
    assert Comment.objects.filter(show_name=False).exists()


def test_the_discussion_comes_from_demo_accounts_and_members(demo) -> None:
    authors = set(Comment.objects.values_list("author__email", flat=True))
    assert {"member@equityhub.example", "moderator@equityhub.example"} <= authors
    assert {member.email for member in DEMO_MEMBERS} <= authors | set(
        Idea.objects.values_list("author__email", flat=True)
    )
    # The extra members take part but cannot sign in.
    for member in DEMO_MEMBERS:
        assert not User.objects.get(email=member.email).has_usable_password()


def test_nobody_is_emailed_about_the_demo(demo, mailoutbox) -> None:
    assert not Notification.objects.exists()
    assert mailoutbox == []


def test_the_ideas_are_in_the_search_in_both_languages(demo) -> None:
    welsh = Idea.objects.get(title__startswith="Cynnwys therapi galwedigaethol")
    assert f"/cy/ideas/{welsh.pk}/" in [result.url for result in search("COVID", language="cy")]
    english = Idea.objects.get(title__startswith="Occupational therapists in housing planning")
    assert f"/ideas/{english.pk}/" in [
        result.url for result in search("Tower Hamlets", language="en")
    ]


def test_the_2020_edition_has_ideas_to_compare_and_stays_closed(demo) -> None:
    campaign = Campaign.objects.get(slug="ot-week-2020")
    ideas = Idea.objects.filter(campaign=campaign)
    assert {idea.title for idea in ideas} == {demo_idea.title for demo_idea in IDEAS_2020}
    assert set(ideas.values_list("level", flat=True)) == set(Level.values)
    assert ideas.filter(language=Language.WELSH).count() == 2
    assert not campaign.ideas_are_open()
    for idea in ideas:
        assert (idea.created_at.year, idea.created_at.month) == (2020, 11)
        assert idea.support_count == idea.supports.count()
