"""Who may do what with ideas, as one table: each role against each action.

Every cell goes through the site's own views (and, where the API has the action, the API), and
checks both the answer (a page, a sign-in redirect, 403 or 404) and what changed in the
database: a refused action must leave no trace.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from equityhub.accounts.roles import ADMIN, EDITOR, MODERATOR
from equityhub.accounts.tests.factories import UserFactory
from equityhub.ideas.models import Comment, Idea, Status, Support
from equityhub.ideas.tests.factories import CommentFactory, IdeaFactory, current_campaign
from equityhub.moderation import services
from equityhub.moderation.models import Case, Decision, ReportReason

pytestmark = pytest.mark.django_db
# What the test client returns: a response with the request, json() and the context added.
Response = Any

ROLES = ("anonymous", "author", "other member", "moderator", "editor", "admin")
ROLE_GROUPS = {"other member": [], "moderator": [MODERATOR], "editor": [EDITOR], "admin": [ADMIN]}
AUTHOR_NAME = "Sam Secret"
NEW_TITLE = "A better title for the idea"
RESPONSE = "We will take this to the council."


@dataclass
class World:
    """An author's ideas in every state an action needs, and a case about one of them."""

    author: Any
    idea: Idea  # published, the author's name hidden, no supports or comments yet
    hidden: Idea
    pending: Idea
    target: Idea  # someone else's idea, to merge into
    comment: Comment  # on the target, by someone else
    case: Case  # about `idea`


@pytest.fixture
def world() -> World:
    current_campaign()
    author = UserFactory.create(display_name=AUTHOR_NAME, email="sam.secret@example.org")
    idea = IdeaFactory.create(author=author, title="Ramps at every surgery", show_name=False)
    target = IdeaFactory.create(title="Step-free access to every clinic")
    services.report_create(content=idea, reporter=UserFactory.create(), reason=ReportReason.SPAM)
    return World(
        author=author,
        idea=idea,
        hidden=IdeaFactory.create(author=author, title="The hidden one", status=Status.HIDDEN),
        pending=IdeaFactory.create(author=author, title="The pending one", status=Status.PENDING),
        target=target,
        comment=CommentFactory.create(idea=target),
        case=Case.objects.get(),
    )


def user_for(role: str, world: World) -> Any:
    if role == "anonymous":
        return None
    if role == "author":
        return world.author
    return UserFactory.create(display_name=f"A {role}", roles=ROLE_GROUPS[role])


def client_for(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def fresh(idea: Idea) -> Idea:
    return Idea.objects.get(pk=idea.pk)


@dataclass(frozen=True)
class Action:
    """What a role tries (`run`), and whether it took effect (`happened`)."""

    run: Callable[[Client, World], Response]
    happened: Callable[[World, Response, Any], bool]


def _shows(text: str) -> Callable[[World, Response, Any], bool]:
    return lambda world, response, user: (
        response.status_code == 200 and text in response.content.decode()
    )


def _edit(client: Client, world: World) -> Response:
    data = {"title": NEW_TITLE, "body": "Still the same idea.", "level": "government"}
    return client.post(reverse("ideas:edit", args=[world.idea.pk]), {**data, "language": "en"})


def _supported(idea_of: Callable[[World], Idea]) -> Callable[[World, Response, Any], bool]:
    return lambda world, response, user: Support.objects.filter(idea=idea_of(world)).exists()


WEB_ACTIONS: dict[str, Action] = {
    "view a hidden idea": Action(
        run=lambda client, world: client.get(world.hidden.get_absolute_url()),
        happened=_shows("The hidden one"),
    ),
    "view a pending idea": Action(
        run=lambda client, world: client.get(world.pending.get_absolute_url()),
        happened=_shows("The pending one"),
    ),
    "edit the idea": Action(
        run=_edit,
        happened=lambda world, response, user: fresh(world.idea).title == NEW_TITLE,
    ),
    "withdraw the idea": Action(
        run=lambda client, world: client.post(
            reverse("ideas:withdraw", args=[world.idea.pk]), {"reason": ""}
        ),
        happened=lambda world, response, user: fresh(world.idea).status == Status.WITHDRAWN,
    ),
    "set its status": Action(
        run=lambda client, world: client.post(
            reverse("ideas:status", args=[world.idea.pk]),
            {"status-status": Status.UNDER_CONSIDERATION},
        ),
        happened=lambda world, response, user: (
            fresh(world.idea).status == Status.UNDER_CONSIDERATION
        ),
    ),
    "set its official response": Action(
        run=lambda client, world: client.post(
            reverse("ideas:response", args=[world.idea.pk]), {"response-text": RESPONSE}
        ),
        happened=lambda world, response, user: fresh(world.idea).official_response == RESPONSE,
    ),
    "mark an official answer": Action(
        run=lambda client, world: client.post(
            reverse("ideas:comment_official", args=[world.comment.pk]), {"official": "1"}
        ),
        happened=lambda world, response, user: (
            Comment.objects.get(pk=world.comment.pk).is_official_answer
        ),
    ),
    "merge it into another": Action(
        run=lambda client, world: client.post(
            reverse("ideas:merge", args=[world.idea.pk]), {"merge-target": world.target.pk}
        ),
        happened=lambda world, response, user: fresh(world.idea).status == Status.MERGED,
    ),
    "see the moderation queue": Action(
        run=lambda client, world: client.get(reverse("moderation:queue")),
        happened=_shows("Ramps at every surgery"),
    ),
    "decide a case": Action(
        run=lambda client, world: client.post(
            reverse("moderation:case", args=[world.case.pk]),
            {"action": "hide", "reason": "Advertising."},
        ),
        happened=lambda world, response, user: (
            fresh(world.idea).status == Status.HIDDEN and Decision.objects.exists()
        ),
    ),
    "export ideas as CSV": Action(
        run=lambda client, world: client.get(reverse("ideas:export")),
        happened=lambda world, response, user: (
            response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        ),
    ),
    "see who wrote a hidden-name idea": Action(
        run=lambda client, world: client.get(world.idea.get_absolute_url()),
        happened=_shows(AUTHOR_NAME),
    ),
    "support the author's idea": Action(
        run=lambda client, world: client.post(reverse("ideas:support", args=[world.idea.pk])),
        happened=_supported(lambda world: world.idea),
    ),
    "support a hidden idea": Action(
        run=lambda client, world: client.post(reverse("ideas:support", args=[world.hidden.pk])),
        happened=_supported(lambda world: world.hidden),
    ),
}

# What each role gets, in the order of ROLES:
# anonymous, author, other member, moderator, editor, admin.
# "ok": done. "refused": the page answers and says no, nothing changes. "hidden": the page
# shows, without what is asked for. "login": sent to sign in. "forbidden": 403. "not found": 404.
WEB_MATRIX: dict[str, tuple[str, ...]] = {
    "view a hidden idea": ("not found", "ok", "not found", "ok", "ok", "ok"),
    "view a pending idea": ("not found", "ok", "not found", "ok", "ok", "ok"),
    "edit the idea": ("login", "ok", "forbidden", "forbidden", "forbidden", "forbidden"),
    "withdraw the idea": ("login", "ok", "forbidden", "forbidden", "forbidden", "forbidden"),
    "set its status": ("login", "forbidden", "forbidden", "forbidden", "ok", "ok"),
    "set its official response": ("login", "forbidden", "forbidden", "forbidden", "ok", "ok"),
    "mark an official answer": ("login", "forbidden", "forbidden", "ok", "ok", "ok"),
    "merge it into another": ("login", "forbidden", "forbidden", "ok", "forbidden", "ok"),
    "see the moderation queue": (
        "forbidden",
        "forbidden",
        "forbidden",
        "ok",
        "forbidden",
        "ok",
    ),
    "decide a case": ("forbidden", "forbidden", "forbidden", "ok", "forbidden", "ok"),
    "export ideas as CSV": ("login", "forbidden", "forbidden", "forbidden", "ok", "ok"),
    "see who wrote a hidden-name idea": ("hidden", "ok", "hidden", "ok", "hidden", "ok"),
    "support the author's idea": ("login", "refused", "ok", "ok", "ok", "ok"),
    "support a hidden idea": ("login", "refused", "not found", "refused", "refused", "refused"),
}


def cells(matrix: dict[str, tuple[str, ...]]) -> list[Any]:
    return [
        pytest.param(action, role, outcome, id=f"{action} | {role} | {outcome}")
        for action, row in matrix.items()
        for role, outcome in zip(ROLES, row, strict=True)
    ]


def test_every_action_has_a_row_for_every_role():
    assert set(WEB_MATRIX) == set(WEB_ACTIONS)
    assert set(API_MATRIX) == set(API_ACTIONS)


@pytest.mark.parametrize(("action", "role", "outcome"), cells(WEB_MATRIX))
def test_the_site(world, action: str, role: str, outcome: str):
    user = user_for(role, world)
    users_before = get_user_model().objects.count()

    response = WEB_ACTIONS[action].run(client_for(user), world)

    happened = WEB_ACTIONS[action].happened(world, response, user)
    status = response.status_code
    location = response.get("Location", "")
    signing_in = status == 302 and location.startswith(reverse("account_login"))
    if outcome == "ok":
        assert status in (200, 302) and not signing_in, status
        assert happened
    else:
        assert not happened
        expected = {"login": 302, "forbidden": 403, "not found": 404}.get(outcome)
        if expected is not None:
            assert status == expected
            assert signing_in == (outcome == "login")
        else:
            # Refused or hidden: an ordinary answer, with nothing done.
            assert status in (200, 302) and not signing_in, status
        if outcome == "refused":
            # ...and the member is told why.
            assert [str(message) for message in get_messages(response.wsgi_request)]
    assert get_user_model().objects.count() == users_before


# The API, for the actions it offers ----------------------------------------------------------

API = "/api/v1/ideas"


def _api(method: str, path: Callable[[World], str], data: Any = None) -> Callable[..., Any]:
    def run(client: Client, world: World) -> Response:
        body = json.dumps(data) if data is not None else ""
        response: Response = getattr(client, method)(
            path(world), body, content_type="application/json"
        )
        return response

    return run


def _api_shows(key: str, value: str) -> Callable[[World, Response, Any], bool]:
    return lambda world, response, user: (
        response.status_code == 200 and response.json().get(key) == value
    )


API_ACTIONS: dict[str, Action] = {
    "view a hidden idea": Action(
        run=_api("get", lambda world: f"{API}/{world.hidden.pk}"),
        happened=_api_shows("title", "The hidden one"),
    ),
    "view a pending idea": Action(
        run=_api("get", lambda world: f"{API}/{world.pending.pk}"),
        happened=_api_shows("title", "The pending one"),
    ),
    "edit the idea": Action(
        run=_api("patch", lambda world: f"{API}/{world.idea.pk}", {"title": NEW_TITLE}),
        happened=lambda world, response, user: fresh(world.idea).title == NEW_TITLE,
    ),
    "see who wrote a hidden-name idea": Action(
        run=_api("get", lambda world: f"{API}/{world.idea.pk}"),
        happened=_api_shows("author_name", AUTHOR_NAME),
    ),
    "support the author's idea": Action(
        run=_api("post", lambda world: f"{API}/{world.idea.pk}/support"),
        happened=_supported(lambda world: world.idea),
    ),
    "support a hidden idea": Action(
        run=_api("post", lambda world: f"{API}/{world.hidden.pk}/support"),
        happened=_supported(lambda world: world.hidden),
    ),
}

# "unauthorised": 401, asking for credentials.
API_MATRIX: dict[str, tuple[str, ...]] = {
    "view a hidden idea": ("not found", "ok", "not found", "ok", "ok", "ok"),
    "view a pending idea": ("not found", "ok", "not found", "ok", "ok", "ok"),
    "edit the idea": (
        "unauthorised",
        "ok",
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
    ),
    "see who wrote a hidden-name idea": ("hidden", "ok", "hidden", "ok", "hidden", "ok"),
    "support the author's idea": ("unauthorised", "forbidden", "ok", "ok", "ok", "ok"),
    "support a hidden idea": (
        "unauthorised",
        "forbidden",
        "not found",
        "forbidden",
        "forbidden",
        "forbidden",
    ),
}


@pytest.mark.parametrize(("action", "role", "outcome"), cells(API_MATRIX))
def test_the_api(world, action: str, role: str, outcome: str):
    user = user_for(role, world)

    response = API_ACTIONS[action].run(client_for(user), world)

    assert API_ACTIONS[action].happened(world, response, user) == (outcome == "ok")
    expected = {"unauthorised": 401, "forbidden": 403, "not found": 404}.get(outcome, 200)
    assert response.status_code == expected
    if expected != 200:
        # Every refusal says why, in words.
        assert response.json()["message"]
