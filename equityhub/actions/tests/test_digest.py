"""A team's weekly digest of the ideas awaiting its response, and the command that queues it."""

from datetime import timedelta
from io import StringIO
from typing import Any, cast

import pytest
from django.core.management import call_command
from django.tasks import default_task_backend
from django.utils import timezone, translation
from django.utils.translation import ngettext

from equityhub.accounts.roles import EDITOR
from equityhub.accounts.tests.factories import UserFactory
from equityhub.actions.tasks import send_team_digest
from equityhub.actions.tests.factories import LevelRouteFactory, TeamFactory
from equityhub.ideas.models import Idea, Level, Status
from equityhub.ideas.tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


def posted(days_ago: int, **fields) -> Idea:
    idea = IdeaFactory.create(**fields)
    Idea.objects.filter(pk=idea.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago, hours=1)
    )
    return idea


def html_part(message) -> str:
    return next(content for content, kind in message.alternatives if kind == "text/html")


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def policy(editor):
    team = TeamFactory.create(slug="policy", name_en="Policy and public affairs", name_cy="Polisi")
    team.members.add(editor)
    LevelRouteFactory.create(level=Level.GOVERNMENT, team=team)
    return team


def test_each_member_hears_how_many_ideas_wait_and_which_waited_longest(policy, editor, mailoutbox):
    oldest = posted(20, title="Fund adaptations", level=Level.GOVERNMENT)
    posted(5, title="A newer idea", level=Level.GOVERNMENT)
    posted(50, title="Not this team's", level=Level.INDIVIDUAL)

    result = send_team_digest.enqueue(team_id=policy.pk)

    assert result.return_value == 1
    [message] = mailoutbox
    assert message.to == [editor.email]
    assert message.subject == "EquityHub: 2 ideas await a response from Policy and public affairs"
    assert "Hello Eddie Editor," in message.body
    assert "2 ideas at the levels Policy and public affairs answers are waiting" in message.body
    assert message.body.index("Fund adaptations") < message.body.index("A newer idea")
    assert "Waiting for 20 days." in message.body
    assert f"{SITE}/ideas/{oldest.pk}/" in message.body
    assert f"{SITE}/action-plan/teams/?team=policy" in message.body
    assert "Not this team's" not in message.body
    html = html_part(message)
    assert f'<a href="{SITE}/ideas/{oldest.pk}/" lang="en">Fund adaptations</a>' in html
    assert message.extra_headers["Content-Language"] == "en"


def test_one_idea_reads_in_the_singular(policy, mailoutbox):
    posted(1, level=Level.GOVERNMENT)

    send_team_digest.enqueue(team_id=policy.pk)

    [message] = mailoutbox
    assert message.subject == "EquityHub: 1 idea awaits a response from Policy and public affairs"
    assert "Waiting for 1 day." in message.body


def test_at_most_ten_ideas_are_listed(policy, mailoutbox):
    for days in range(12):
        posted(days + 1, title=f"Idea of {days + 1} days", level=Level.GOVERNMENT)

    send_team_digest.enqueue(team_id=policy.pk)

    [message] = mailoutbox
    assert "12 ideas at the levels" in message.body
    assert "The 10 that have waited longest:" in message.body
    assert "Idea of 12 days" in message.body
    assert "Idea of 3 days" in message.body
    assert "Idea of 2 days" not in message.body


def test_a_welsh_reader_gets_it_in_welsh_with_welsh_links(policy, mailoutbox):
    idea = posted(8, title="Syniad", level=Level.GOVERNMENT, language="cy")
    reader = UserFactory.create(preferred_language="cy", roles=[EDITOR], display_name="Gwen")
    policy.members.set([reader])

    send_team_digest.enqueue(team_id=policy.pk)

    [message] = mailoutbox
    with translation.override("cy"):
        subject = ngettext(
            "%(count)s idea awaits a response from %(team)s",
            "%(count)s ideas await a response from %(team)s",
            1,
        ) % {"count": 1, "team": "Polisi"}
    assert message.subject == f"EquityHub: {subject}"
    assert "Polisi" in message.subject
    assert message.extra_headers["Content-Language"] == "cy"
    assert f"{SITE}/cy/ideas/{idea.pk}/" in message.body
    assert f"{SITE}/cy/action-plan/teams/?team=policy" in message.body
    assert f"{SITE}/ideas/" not in message.body
    assert '<html lang="cy">' in html_part(message)


def test_an_english_team_name_in_a_welsh_email_is_marked(policy, mailoutbox):
    policy.name_cy = ""
    policy.save()
    posted(8, level=Level.GOVERNMENT)
    policy.members.set([UserFactory.create(preferred_language="cy", roles=[EDITOR])])

    send_team_digest.enqueue(team_id=policy.pk)

    [message] = mailoutbox
    assert '<span lang="en">Policy and public affairs</span>' in html_part(message)


def test_nobody_is_emailed_when_nothing_waits(policy, mailoutbox):
    posted(8, level=Level.GOVERNMENT, official_response="We will lobby for it.")
    posted(8, level=Level.GOVERNMENT, status=Status.IMPLEMENTED)
    posted(8, level=Level.GOVERNMENT, status=Status.HIDDEN)

    result = send_team_digest.enqueue(team_id=policy.pk)

    assert result.return_value == 0
    assert mailoutbox == []


def test_inactive_members_are_skipped(policy, editor, mailoutbox):
    gone = UserFactory.create(roles=[EDITOR], is_active=False)
    policy.members.add(gone)
    posted(8, level=Level.GOVERNMENT)

    send_team_digest.enqueue(team_id=policy.pk)

    assert [message.to for message in mailoutbox] == [[editor.email]]


def test_members_who_cannot_open_the_dashboard_get_the_ideas_without_its_link(
    policy, member, mailoutbox
):
    policy.members.set([member])
    posted(8, level=Level.GOVERNMENT)

    send_team_digest.enqueue(team_id=policy.pk)

    [message] = mailoutbox
    assert "/ideas/" in message.body
    assert "/action-plan/teams/" not in message.body


def test_a_team_that_is_gone_sends_nothing(mailoutbox):
    assert send_team_digest.enqueue(team_id=999).return_value == 0
    assert mailoutbox == []


def test_the_command_queues_one_digest_per_team(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    teams = [TeamFactory.create(), TeamFactory.create(), TeamFactory.create()]
    output = StringIO()

    call_command("send_team_digests", stdout=output)

    queued = cast(Any, default_task_backend).results
    assert [result.task.name for result in queued] == ["send_team_digest"] * 3
    assert sorted(result.kwargs["team_id"] for result in queued) == sorted(t.pk for t in teams)
    assert "Queued the weekly digest for 3 teams." in output.getvalue()
