"""The ideas API: reading, posting, editing, supporting, discussing and reporting ideas.

The reference page at /api/v1/docs is tested in equityhub/api/tests; here we check that the
ideas operations are in the schema it is made from.
"""

import json
import re
from datetime import timedelta
from typing import get_args

import pytest
from django.test import Client
from django.utils import timezone

from equityhub.accounts import services as account_services
from equityhub.accounts.tests.factories import UserFactory
from equityhub.campaigns.models import IdeasWindow
from equityhub.campaigns.tests.factories import CampaignFactory
from equityhub.ideas import services
from equityhub.ideas.models import (
    READABLE_STATUSES,
    Comment,
    CommentState,
    Idea,
    Level,
    Status,
    Support,
)
from equityhub.ideas.schemas import ListedStatus
from equityhub.ideas.tests.factories import (
    CommentFactory,
    IdeaFactory,
    ThemeFactory,
    current_campaign,
)
from equityhub.moderation.models import Report, Suspension

pytestmark = pytest.mark.django_db

IDEAS = "/api/v1/ideas"


def _bearer(user) -> dict[str, str]:
    secret = account_services.api_token_create(user=user, name="Script").secret
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _send(client: Client, method: str, path: str, data=None, **extra):
    body = data if isinstance(data, bytes) else json.dumps(data if data is not None else {})
    return getattr(client, method)(path, body, content_type="application/json", **extra)


def _new_idea(**fields) -> dict:
    values = {
        "title": "Adapt homes before discharge",
        "body": "Fund **home adaptations** so people leave hospital on time.",
        "level": "government",
    }
    values.update(fields)
    return values


@pytest.fixture
def housing():
    return ThemeFactory.create(slug="housing", name_en="Housing", name_cy="Tai", position=2)


@pytest.fixture
def education():
    return ThemeFactory.create(slug="education", name_en="Education", name_cy="", position=1)


@pytest.fixture
def secret_author():
    return UserFactory(display_name="Sam Secret", email="sam.secret@example.org")


# Themes -------------------------------------------------------------------------------------


def test_themes_are_listed_in_order_and_named_in_the_language_of_the_address(
    client, housing, education
):
    english = client.get("/api/v1/themes").json()
    welsh = client.get("/cy/api/v1/themes").json()

    assert english == [
        {"slug": "education", "name": "Education", "language": "en"},
        {"slug": "housing", "name": "Housing", "language": "en"},
    ]
    # Education has no Welsh name yet: the English is given, and said to be English.
    assert welsh == [
        {"slug": "education", "name": "Education", "language": "en"},
        {"slug": "housing", "name": "Tai", "language": "cy"},
    ]


# The list -----------------------------------------------------------------------------------


def test_anyone_can_list_the_current_campaigns_published_ideas_newest_first(client):
    campaign = current_campaign()
    older = IdeaFactory.create(title="Older idea")
    newer = IdeaFactory.create(title="Newer idea")
    Idea.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=1))
    for status in (Status.PENDING, Status.HIDDEN, Status.REJECTED, Status.WITHDRAWN):
        IdeaFactory.create(status=status)
    IdeaFactory.create(
        campaign=CampaignFactory.create(ideas_window=IdeasWindow.OPEN), title="Elsewhere"
    )

    body = client.get(IDEAS).json()

    assert body["count"] == 2
    assert [item["id"] for item in body["items"]] == [newer.pk, older.pk]
    first = body["items"][0]
    assert first["campaign"] == campaign.slug
    assert first["url"] == f"http://testserver/ideas/{newer.pk}/"
    assert first["status"] == "published"
    assert first["level"] == "profession"


def test_the_list_is_paginated(client):
    IdeaFactory.create_batch(25)

    first = client.get(IDEAS).json()
    second = client.get(IDEAS, {"page": 2}).json()

    assert first["count"] == 25
    assert len(first["items"]) == 20
    assert len(second["items"]) == 5
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}


def test_the_list_filters_by_campaign_level_theme_status_and_language(client, housing, education):
    other = CampaignFactory.create(slug="ot-week-2020", ideas_window=IdeasWindow.OPEN)
    government = IdeaFactory.create(level=Level.GOVERNMENT, themes=[housing, education])
    individual = IdeaFactory.create(level=Level.INDIVIDUAL, themes=[education], language="cy")
    withdrawn = IdeaFactory.create(status=Status.WITHDRAWN)
    accepted = IdeaFactory.create(status=Status.ACCEPTED)
    elsewhere = IdeaFactory.create(campaign=other)

    def ids(**query) -> set[int]:
        response = client.get(IDEAS, query)
        assert response.status_code == 200, response.content
        return {item["id"] for item in response.json()["items"]}

    assert ids(level="government") == {government.pk}
    assert ids(level=["government", "individual"]) == {government.pk, individual.pk}
    # An idea with both themes asked for is listed once.
    assert ids(theme=["housing", "education"]) == {government.pk, individual.pk}
    assert client.get(IDEAS, {"theme": ["housing", "education"]}).json()["count"] == 2
    assert ids(theme="housing") == {government.pk}
    assert ids(language="cy") == {individual.pk}
    assert ids(status="withdrawn") == {withdrawn.pk}
    assert ids(status=["accepted", "withdrawn"]) == {accepted.pk, withdrawn.pk}
    assert ids(campaign="ot-week-2020") == {elsewhere.pk}


def test_the_list_searches_titles_and_descriptions(client):
    housing = IdeaFactory.create(title="Adapt homes before discharge", body="Ramps and rails.")
    IdeaFactory.create(title="Teach occupational therapy in schools", body="Lessons.")

    body = client.get(IDEAS, {"q": "ramps"}).json()

    assert [item["id"] for item in body["items"]] == [housing.pk]
    assert client.get(IDEAS, {"q": "nothing-matches-this"}).json()["count"] == 0


def test_the_list_sorts_by_supports_comments_and_activity(client):
    quiet = IdeaFactory.create(support_count=0, comment_count=5)
    popular = IdeaFactory.create(support_count=9, comment_count=0)
    busy = IdeaFactory.create(support_count=3, comment_count=1)
    Idea.objects.filter(pk=busy.pk).update(last_activity_at=timezone.now() + timedelta(hours=1))

    def order(sort: str) -> list[int]:
        return [item["id"] for item in client.get(IDEAS, {"sort": sort}).json()["items"]]

    assert order("supported") == [popular.pk, busy.pk, quiet.pk]
    assert order("discussed") == [quiet.pk, busy.pk, popular.pk]
    assert order("active")[0] == busy.pk


def test_a_random_order_is_the_same_for_the_same_seed_and_differs_for_another(client):
    IdeaFactory.create_batch(30)

    def order(seed: int) -> list[int]:
        query = {"sort": "random", "seed": seed, "page_size": 100}
        return [item["id"] for item in client.get(IDEAS, query).json()["items"]]

    newest = [item["id"] for item in client.get(IDEAS, {"page_size": 100}).json()["items"]]
    assert order(17) == order(17)
    assert order(17) != order(18)
    assert sorted(order(17)) == sorted(newest)
    assert order(17) != newest


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"level": "everyone"}, "level.0"),
        ({"status": "hidden"}, "status.0"),
        ({"language": "fr"}, "language.0"),
        ({"sort": "loudest"}, "sort"),
        ({"seed": "-1"}, "seed"),
        ({"q": "x" * 201}, "q"),
        ({"theme": "no-such-theme"}, "theme"),
    ],
)
def test_bad_filters_are_a_422_naming_the_filter(client, housing, query, field):
    current_campaign()

    response = client.get(IDEAS, query)

    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]


def test_the_status_filter_offers_exactly_the_statuses_anyone_may_read():
    assert set(get_args(ListedStatus)) == {str(status) for status in READABLE_STATUSES}


def test_an_unknown_theme_is_named_in_the_message(client, housing):
    current_campaign()

    errors = client.get(IDEAS, {"theme": ["housing", "nowhere"]}).json()["errors"]

    assert errors == {"theme": ["Unknown theme “nowhere”: GET /api/v1/themes lists them."]}


def test_an_unknown_campaign_is_a_404(client):
    current_campaign()
    response = client.get(IDEAS, {"campaign": "no-such-week"})

    assert response.status_code == 404
    assert response.json() == {"message": "There is no campaign with that slug."}


def test_without_a_current_campaign_the_list_says_to_name_one(client):
    response = client.get(IDEAS)

    assert response.status_code == 404
    assert "campaign=" in response.json()["message"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("q=%FF%FE%00", 200),
        ("campaign=", 200),
        ("theme=%00", 422),
        ("theme=%FF", 422),
        ("campaign=%00", 404),
    ],
)
def test_strange_bytes_in_the_query_string_get_a_clear_answer(client, housing, query, status):
    IdeaFactory.create()

    response = client.get(f"{IDEAS}?{query}")

    assert response.status_code == status
    if status == 200:
        assert response.json()["count"] in {0, 1}
    else:
        assert response.json()["message"]


def _seed_ideas(count: int, housing) -> None:
    author = UserFactory()
    hidden_name = UserFactory()
    IdeaFactory.create_batch(count // 2, author=author, themes=[housing])
    IdeaFactory.create_batch(count - count // 2, author=hidden_name, show_name=False)


@pytest.mark.parametrize("count", [10, 500])
def test_the_list_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, housing, moderator, count
):
    _seed_ideas(count, housing)

    # The campaign, the count, the page and the page's themes.
    with django_assert_max_num_queries(4):
        assert client.get(IDEAS, {"page_size": 100}).status_code == 200
    # Filtering by theme checks the themes exist; a search asks the search index (once for
    # each language on PostgreSQL).
    with django_assert_max_num_queries(7):
        response = client.get(IDEAS, {"theme": "housing", "q": "fairer", "page_size": 100})
        assert response.json()["count"] == count // 2
    # A moderator by token: the token, its last use, and the moderator's roles besides.
    headers = _bearer(moderator)
    with django_assert_max_num_queries(8):
        response = client.get(IDEAS, {"page_size": 100, "sort": "random"}, **headers)
        assert response.status_code == 200
    client.force_login(moderator)
    with django_assert_max_num_queries(7):
        assert client.get(IDEAS, {"page_size": 100, "sort": "supported"}).status_code == 200


# One idea -----------------------------------------------------------------------------------


def test_one_idea_with_its_themes_counts_and_official_response(client, editor, housing):
    idea = IdeaFactory.create(
        author=UserFactory(display_name="Ana Author"),
        title="Adapt homes",
        body="Fund *adaptations*.",
        level=Level.GOVERNMENT,
        themes=[housing],
        support_count=4,
        comment_count=2,
    )
    services.idea_set_official_response(idea=idea, actor=editor, text="We **agree**.")

    body = client.get(f"{IDEAS}/{idea.pk}").json()

    assert body["title"] == "Adapt homes"
    assert body["body"] == "Fund *adaptations*."
    assert body["body_html"] == "<p>Fund <em>adaptations</em>.</p>\n"
    assert body["level"] == "government"
    assert body["level_label"] == "What to call on governments to do"
    assert body["themes"] == [{"slug": "housing", "name": "Housing", "language": "en"}]
    assert (body["support_count"], body["comment_count"]) == (4, 2)
    assert body["status_label"] == "Published"
    assert body["author_name"] == "Ana Author"
    assert body["official_response"]["text"] == "We **agree**."
    assert body["official_response"]["html"] == "<p>We <strong>agree</strong>.</p>\n"
    assert body["official_response"]["responded_at"]
    # Visitors who are not signed in have nothing to do with it yet.
    assert body["viewer"] is None


def test_an_idea_not_taken_forward_says_why(client, editor):
    idea = IdeaFactory.create(status=Status.UNDER_CONSIDERATION)
    services.idea_change_status(
        idea=idea, actor=editor, to_status=Status.NOT_TAKEN_FORWARD, reason="Already funded."
    )

    body = client.get(f"{IDEAS}/{idea.pk}").json()

    assert body["status"] == "not_taken_forward"
    assert body["status_reason"] == "Already funded."


def test_a_member_is_told_what_they_have_done_and_may_do(client, member):
    idea = IdeaFactory.create()
    Support.objects.create(idea=idea, user=member)

    viewer = client.get(f"{IDEAS}/{idea.pk}", **_bearer(member)).json()["viewer"]

    assert viewer == {
        "supported": True,
        "following": False,
        "can_edit": False,
        "can_support": True,
        "can_comment": True,
        "can_report": True,
    }


def test_the_detail_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, housing):
    idea = IdeaFactory.create(themes=[housing])
    CommentFactory.create_batch(20, idea=idea)
    for supporter in UserFactory.create_batch(5):
        Support.objects.create(idea=idea, user=supporter)

    with django_assert_max_num_queries(2):
        assert client.get(f"{IDEAS}/{idea.pk}").status_code == 200


@pytest.mark.parametrize("status", [Status.PENDING, Status.HIDDEN, Status.REJECTED])
def test_an_idea_out_of_view_is_a_404_to_others_and_shown_to_its_author_and_moderators(
    client, other_member, moderator, editor, status
):
    idea = IdeaFactory.create(status=status)
    path = f"{IDEAS}/{idea.pk}"

    for response in (client.get(path), client.get(path, **_bearer(other_member))):
        assert response.status_code == 404
        assert response.json()["message"] == "There is no idea with that number."
    assert client.get(path, **_bearer(idea.author)).json()["status"] == status
    assert client.get(path, **_bearer(moderator)).status_code == 200
    client.force_login(editor)
    assert client.get(path).status_code == 200


def test_an_idea_that_does_not_exist_is_the_same_404(client):
    response = client.get(f"{IDEAS}/999999")

    assert response.status_code == 404
    assert response.json()["message"] == "There is no idea with that number."


def test_a_merged_idea_is_a_404_naming_the_idea_it_joined(client, moderator):
    target = IdeaFactory.create()
    duplicate = IdeaFactory.create()
    services.idea_merge(source=duplicate, target=target, actor=moderator)

    response = client.get(f"{IDEAS}/{duplicate.pk}")

    assert response.status_code == 404
    assert response.json() == {
        "message": f"This idea was merged into idea {target.pk}.",
        "merged_into": target.pk,
    }


@pytest.mark.parametrize("idea_id", ["abc", "0", "99999999999999999999999"])
def test_an_id_that_cannot_be_one_is_a_422(client, idea_id):
    response = client.get(f"{IDEAS}/{idea_id}")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["idea_id"]


def test_a_mistyped_token_is_refused_even_where_none_is_needed(client):
    IdeaFactory.create()

    response = client.get(IDEAS, HTTP_AUTHORIZATION="Bearer eh_made-up")

    assert response.status_code == 401
    assert "personal token" in response.json()["message"]


# Anonymity ----------------------------------------------------------------------------------


def _hidden_name_idea(author) -> Idea:
    idea = IdeaFactory.create(author=author, show_name=False)
    services.comment_create(idea=idea, author=author, body="Thanks all.", show_name=True)
    return idea


def _everything_about(client: Client, idea: Idea, **headers) -> str:
    responses = [
        client.get(IDEAS, **headers),
        client.get(f"{IDEAS}/{idea.pk}", **headers),
        client.get(f"{IDEAS}/{idea.pk}/comments", **headers),
    ]
    assert all(response.status_code == 200 for response in responses)
    return " ".join(response.content.decode() for response in responses)


def test_an_author_who_hides_their_name_is_a_member_to_everyone_else(
    client, secret_author, other_member
):
    idea = _hidden_name_idea(secret_author)

    for headers in ({}, _bearer(other_member)):
        text = _everything_about(client, idea, **headers)
        assert "Sam Secret" not in text
        assert "sam.secret" not in text
        assert text.count('"author_name": "A member"') == 3
        assert f'"author": {secret_author.pk}' not in text
        assert '"author_id"' not in text


def test_moderators_and_the_author_see_the_real_name(client, secret_author, moderator):
    idea = _hidden_name_idea(secret_author)

    for user in (moderator, secret_author):
        detail = client.get(f"{IDEAS}/{idea.pk}", **_bearer(user)).json()
        assert detail["author_name"] == "Sam Secret"
        assert detail["show_name"] is False


def test_the_idea_keys_never_include_the_author(client):
    idea = IdeaFactory.create()

    detail = client.get(f"{IDEAS}/{idea.pk}").json()

    assert not [key for key in detail if "author" in key and key != "author_name"]
    assert not [key for key in detail if key in {"user", "email", "user_id"}]


# Posting ------------------------------------------------------------------------------------


def test_a_signed_in_member_posts_an_idea(member_client, member, housing, education):
    current_campaign()

    response = _send(
        member_client,
        "post",
        IDEAS,
        _new_idea(themes=["housing", "education"], show_name=False, language="cy"),
    )

    assert response.status_code == 201
    body = response.json()
    idea = Idea.objects.get(pk=body["id"])
    assert idea.author == member
    assert idea.status == Status.PUBLISHED
    assert body["title"] == "Adapt homes before discharge"
    assert "<strong>home adaptations</strong>" in body["body_html"]
    assert [theme["slug"] for theme in body["themes"]] == ["education", "housing"]
    assert body["language"] == "cy"
    assert body["show_name"] is False
    assert body["viewer"]["following"] is True
    # The author sees their own name; everyone else sees "A member".
    assert body["author_name"] == "Morgan Member"
    assert Client().get(f"{IDEAS}/{idea.pk}").json()["author_name"] == "A member"


def test_a_member_posts_an_idea_with_a_personal_token(client, member):
    current_campaign()

    response = _send(client, "post", IDEAS, _new_idea(), **_bearer(member))

    assert response.status_code == 201
    assert Idea.objects.get(pk=response.json()["id"]).author == member


def test_the_language_defaults_to_the_language_of_the_address(member_client):
    current_campaign()

    response = _send(member_client, "post", f"/cy{IDEAS}", _new_idea())

    assert response.status_code == 201
    assert response.json()["language"] == "cy"
    assert response.json()["url"].startswith("http://testserver/cy/ideas/")


def test_an_idea_can_go_to_a_named_campaign(member_client):
    current_campaign()
    other = CampaignFactory.create(slug="ot-week-2020", ideas_window=IdeasWindow.OPEN)

    response = _send(member_client, "post", IDEAS, _new_idea(campaign="ot-week-2020"))

    assert response.json()["campaign"] == "ot-week-2020"
    assert Idea.objects.get().campaign == other


def test_posting_needs_a_member(client):
    current_campaign()

    response = _send(client, "post", IDEAS, _new_idea())

    assert response.status_code == 401
    assert not Idea.objects.exists()


def test_a_premoderated_campaign_holds_the_idea_out_of_view(client, member):
    current_campaign()
    Idea.objects.all().delete()
    campaign = current_campaign()
    campaign.ideas_premoderated = True
    campaign.save()
    headers = _bearer(member)

    body = _send(client, "post", IDEAS, _new_idea(), **headers).json()

    assert body["status"] == "pending"
    assert client.get(f"{IDEAS}/{body['id']}").status_code == 404
    assert client.get(f"{IDEAS}/{body['id']}", **headers).status_code == 200
    assert client.get(IDEAS).json()["count"] == 0


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"title": "x" * 141}, {"title": ["Enter no more than 140 characters."]}),
        ({"body": "x" * 5001}, {"body": ["Enter no more than 5000 characters."]}),
        ({"title": "   "}, {"title": ["This field is required."]}),
        ({"body": ""}, {"body": ["This field is required."]}),
        ({"body": "a\x00b"}, {"body": ["Null characters are not allowed."]}),
        ({"level": "everyone"}, {"level": ["Choose one of the allowed values."]}),
        ({"language": "fr"}, {"language": ["Choose one of the allowed values."]}),
        ({"show_name": "perhaps"}, {"show_name": ["This value is not valid."]}),
        (
            {"themes": ["housing", "no-such-theme"]},
            {"themes": ["Unknown theme “no-such-theme”: GET /api/v1/themes lists them."]},
        ),
        ({"campaign": "no-such-week"}, {"campaign": ["There is no campaign with that slug."]}),
    ],
)
def test_bad_input_is_a_422_with_a_message_for_each_field(member_client, housing, fields, errors):
    current_campaign()

    response = _send(member_client, "post", IDEAS, _new_idea(**fields))

    assert response.status_code == 422
    assert response.json() == {
        "message": "Some of the values sent are not valid.",
        "errors": errors,
    }
    assert not Idea.objects.exists()


XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<svg/onload=alert(1)>",
    "<iframe src=//evil.example></iframe>",
]


@pytest.mark.parametrize("payload", XSS)
def test_html_and_script_in_text_come_back_inert(member_client, payload):
    current_campaign()
    created = _send(member_client, "post", IDEAS, _new_idea(title=payload, body=payload))
    idea_id = created.json()["id"]
    _send(member_client, "post", f"{IDEAS}/{idea_id}/comments", {"body": payload})

    detail = Client().get(f"{IDEAS}/{idea_id}").json()
    comment = Client().get(f"{IDEAS}/{idea_id}/comments").json()["items"][0]

    # Markdown comes back as written (JSON is data); the HTML beside it is safe to show.
    assert detail["title"] == payload
    assert detail["body"] == payload
    for html in (detail["body_html"], comment["body_html"]):
        tags = re.findall(r"<[^>]*>", html)
        assert not [tag for tag in tags if re.match(r"</?(script|img|iframe|svg)\b", tag)]
        assert not [tag for tag in tags if re.search(r"\son\w+=|javascript:", tag)]


def test_every_missing_field_is_named(member_client):
    current_campaign()

    response = _send(member_client, "post", IDEAS, {})

    assert response.json()["errors"] == {
        "title": ["This field is required."],
        "body": ["This field is required."],
        "level": ["This field is required."],
    }


def test_an_empty_request_body_is_explained(member_client):
    current_campaign()

    response = _send(member_client, "post", IDEAS, b"")

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "__all__": ["Send the values as a JSON object in the request body."]
    }


@pytest.mark.parametrize("raw", [b'{"title": "caf\xe9"}', b"\xff\xfe", b"{not json"])
def test_a_body_that_is_not_json_in_utf8_is_a_400(member_client, raw):
    current_campaign()

    response = _send(member_client, "post", IDEAS, raw)

    assert response.status_code == 400
    assert response.json() == {"message": "The request body is not valid JSON in UTF-8."}
    assert not Idea.objects.exists()


def test_errors_come_in_welsh_from_the_welsh_address(member_client):
    current_campaign()

    english = _send(member_client, "post", IDEAS, _new_idea(title="x" * 141)).json()
    welsh = _send(member_client, "post", f"/cy{IDEAS}", _new_idea(title="x" * 141)).json()

    assert list(welsh["errors"]) == ["title"]
    assert welsh["message"] != english["message"]
    assert welsh["errors"]["title"] != english["errors"]["title"]
    assert "140" in welsh["errors"]["title"][0]


def test_the_hourly_limit_is_a_429_with_a_clear_message(member_client, settings):
    current_campaign()
    settings.EQUITYHUB_IDEAS_PER_HOUR = 2
    for _ in range(2):
        assert _send(member_client, "post", IDEAS, _new_idea()).status_code == 201

    response = _send(member_client, "post", IDEAS, _new_idea())

    assert response.status_code == 429
    assert response.json()["message"] == (
        "You have posted 2 ideas in the last hour, which is as many as we accept. "
        "Please try again later."
    )
    assert Idea.objects.count() == 2


def test_a_closed_campaign_refuses_ideas_with_a_403(member_client):
    CampaignFactory.create(is_current=True, ideas_window=IdeasWindow.CLOSED)

    response = _send(member_client, "post", IDEAS, _new_idea())

    assert response.status_code == 403
    assert response.json()["message"] == "This campaign is not taking ideas at the moment."


def test_a_suspended_member_cannot_post(member_client, member):
    current_campaign()
    now = timezone.now()
    Suspension.objects.create(
        user=member, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=1), reason="."
    )

    response = _send(member_client, "post", IDEAS, _new_idea())

    assert response.status_code == 403
    assert response.json()["message"] == "Your account cannot post ideas at the moment."


def test_a_browser_session_must_send_its_csrf_token(member):
    current_campaign()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)

    response = _send(browser, "post", IDEAS, _new_idea())

    assert response.status_code == 403
    assert "CSRF" in response.json()["message"]
    assert not Idea.objects.exists()


# Editing ------------------------------------------------------------------------------------


def test_the_author_changes_only_the_fields_sent(member_client, member, housing):
    idea = IdeaFactory.create(author=member, title="First title", themes=[housing])

    response = _send(member_client, "patch", f"{IDEAS}/{idea.pk}", {"title": "Better title"})

    assert response.status_code == 200
    assert response.json()["title"] == "Better title"
    idea.refresh_from_db()
    assert idea.title == "Better title"
    assert idea.body == "Occupational therapists could **visit** more places."
    assert list(idea.themes.all()) == [housing]


def test_the_author_edits_by_token_and_can_clear_the_themes(client, member, housing):
    idea = IdeaFactory.create(author=member, themes=[housing])

    response = _send(
        client,
        "patch",
        f"{IDEAS}/{idea.pk}",
        {"themes": [], "level": "individual", "show_name": False},
        **_bearer(member),
    )

    assert response.status_code == 200
    assert response.json()["themes"] == []
    assert response.json()["level"] == "individual"
    assert response.json()["show_name"] is False


def test_another_member_cannot_change_my_idea(client, member, other_member):
    idea = IdeaFactory.create(author=member, title="Mine")

    response = _send(
        client, "patch", f"{IDEAS}/{idea.pk}", {"title": "Theirs"}, **_bearer(other_member)
    )

    assert response.status_code == 403
    assert response.json()["message"] == "Only its author can change an idea."
    idea.refresh_from_db()
    assert idea.title == "Mine"


def test_an_idea_with_a_support_can_no_longer_be_changed(member_client, member, other_member):
    idea = IdeaFactory.create(author=member, title="Mine")
    services.support_add(idea=idea, user=other_member)

    response = _send(member_client, "patch", f"{IDEAS}/{idea.pk}", {"title": "Changed"})

    assert response.status_code == 403
    assert "supported or discussed" in response.json()["message"]
    idea.refresh_from_db()
    assert idea.title == "Mine"


def test_an_idea_staff_decided_on_can_no_longer_be_changed(member_client, member):
    idea = IdeaFactory.create(author=member, status=Status.ACCEPTED)

    response = _send(member_client, "patch", f"{IDEAS}/{idea.pk}", {"title": "Changed"})

    assert response.status_code == 403
    assert response.json()["message"] == "This idea can no longer be changed: it is “Accepted”."


def test_a_change_is_checked_like_a_new_idea(member_client, member):
    idea = IdeaFactory.create(author=member)

    response = _send(
        member_client,
        "patch",
        f"{IDEAS}/{idea.pk}",
        {"title": "x" * 141, "themes": ["nowhere"]},
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["title"]
    blank = _send(member_client, "patch", f"{IDEAS}/{idea.pk}", {"body": " ", "themes": ["x"]})
    assert set(blank.json()["errors"]) == {"body", "themes"}


def test_someone_elses_hidden_idea_cannot_be_changed_or_seen(client, other_member):
    idea = IdeaFactory.create(status=Status.HIDDEN)

    response = _send(client, "patch", f"{IDEAS}/{idea.pk}", {"title": "x"}, **_bearer(other_member))

    assert response.status_code == 404


# Supporting ---------------------------------------------------------------------------------


def test_supports_are_counted_exactly_and_once_per_member(client):
    idea = IdeaFactory.create()
    members = UserFactory.create_batch(3)
    path = f"{IDEAS}/{idea.pk}/support"

    answers = [client.post(path, **_bearer(member)).json() for member in members]
    again = client.post(path, **_bearer(members[0])).json()
    removed = client.delete(path, **_bearer(members[1])).json()
    removed_again = client.delete(path, **_bearer(members[1])).json()

    assert answers == [
        {"support_count": 1, "supported": True},
        {"support_count": 2, "supported": True},
        {"support_count": 3, "supported": True},
    ]
    assert again == {"support_count": 3, "supported": True}
    assert removed == {"support_count": 2, "supported": False}
    assert removed_again == {"support_count": 2, "supported": False}
    assert Support.objects.filter(idea=idea).count() == 2
    assert client.get(f"{IDEAS}/{idea.pk}").json()["support_count"] == 2


def test_a_signed_in_browser_supports_an_idea(member_client, member):
    idea = IdeaFactory.create()

    response = member_client.post(f"{IDEAS}/{idea.pk}/support")

    assert response.json() == {"support_count": 1, "supported": True}
    assert Support.objects.filter(idea=idea, user=member).exists()


def test_an_author_cannot_support_their_own_idea(member_client, member):
    idea = IdeaFactory.create(author=member)

    response = member_client.post(f"{IDEAS}/{idea.pk}/support")

    assert response.status_code == 403
    assert response.json()["message"] == "You cannot support your own idea."
    assert not Support.objects.exists()


def test_a_hidden_idea_cannot_be_supported_or_even_found(member_client):
    idea = IdeaFactory.create(status=Status.HIDDEN)

    response = member_client.post(f"{IDEAS}/{idea.pk}/support")

    assert response.status_code == 404
    assert not Support.objects.exists()


def test_a_withdrawn_idea_can_be_read_but_not_supported(member_client):
    idea = IdeaFactory.create(status=Status.WITHDRAWN)

    response = member_client.post(f"{IDEAS}/{idea.pk}/support")

    assert response.status_code == 403
    assert response.json()["message"] == "Only published ideas can be supported."


def test_supporting_needs_a_member(client):
    idea = IdeaFactory.create()

    assert client.post(f"{IDEAS}/{idea.pk}/support").status_code == 401
    assert client.delete(f"{IDEAS}/{idea.pk}/support").status_code == 401


# Comments -----------------------------------------------------------------------------------


def test_comments_come_in_threads_and_a_removed_one_keeps_its_place(client, moderator):
    idea = IdeaFactory.create()
    ann, ben, cai = UserFactory.create_batch(3)
    first = services.comment_create(idea=idea, author=ann, body="First **point**.")
    reply = services.comment_create(idea=idea, author=ben, body="A reply.", parent=first)
    services.comment_create(idea=idea, author=cai, body="Reply to a reply.", parent=reply)
    gone = services.comment_create(idea=idea, author=ben, body="Second point.")
    services.comment_create(idea=idea, author=ann, body="Under the removed one.", parent=gone)
    services.comment_remove(comment=gone, actor=ben)
    hidden = services.comment_create(idea=idea, author=cai, body="Hidden by moderators.")
    services.comment_set_state(comment=hidden, state=CommentState.HIDDEN)

    body = client.get(f"{IDEAS}/{idea.pk}/comments").json()

    assert body["count"] == 2
    one, two = body["items"]
    assert one["body"] == "First **point**."
    assert one["body_html"] == "<p>First <strong>point</strong>.</p>\n"
    assert one["author_name"] == ann.display_name
    assert [r["body"] for r in one["replies"]] == ["A reply.", "Reply to a reply."]
    assert two["removed"] is True
    assert (two["body"], two["body_html"], two["author_name"]) == (None, None, None)
    assert [r["body"] for r in two["replies"]] == ["Under the removed one."]
    assert "Hidden by moderators." not in json.dumps(body)
    # Moderators see the hidden comment, said to be hidden.
    seen = client.get(f"{IDEAS}/{idea.pk}/comments", **_bearer(moderator)).json()
    assert seen["items"][-1]["state"] == "hidden"


def test_the_comments_of_a_hidden_idea_are_a_404(client):
    idea = IdeaFactory.create(status=Status.HIDDEN)

    assert client.get(f"{IDEAS}/{idea.pk}/comments").status_code == 404


def test_comments_run_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    idea = IdeaFactory.create()
    for top in CommentFactory.create_batch(20, idea=idea):
        CommentFactory.create_batch(2, idea=idea, parent=top)

    # The idea, its themes and the comments with their authors.
    with django_assert_max_num_queries(3):
        response = client.get(f"{IDEAS}/{idea.pk}/comments")
    assert len(response.json()["items"]) == 20
    assert all(len(thread["replies"]) == 2 for thread in response.json()["items"])


def test_a_member_comments_and_replies(client, member, other_member):
    idea = IdeaFactory.create(comment_count=0)
    path = f"{IDEAS}/{idea.pk}/comments"

    first = _send(client, "post", path, {"body": "I *agree*."}, **_bearer(member))
    reply = _send(
        client,
        "post",
        path,
        {"body": "Me too.", "parent": first.json()["id"]},
        **_bearer(other_member),
    )

    assert first.status_code == 201
    assert first.json()["body_html"] == "<p>I <em>agree</em>.</p>\n"
    assert first.json()["author_name"] == "Morgan Member"
    assert reply.status_code == 201
    assert Comment.objects.get(pk=reply.json()["id"]).parent_id == first.json()["id"]
    thread = client.get(path).json()["items"][0]
    assert [r["body"] for r in thread["replies"]] == ["Me too."]
    assert client.get(f"{IDEAS}/{idea.pk}").json()["comment_count"] == 2


def test_a_comment_without_the_name_shows_a_member(member_client):
    idea = IdeaFactory.create()

    _send(
        member_client,
        "post",
        f"{IDEAS}/{idea.pk}/comments",
        {"body": "Quietly.", "show_name": False},
    )

    comment = Client().get(f"{IDEAS}/{idea.pk}/comments").json()["items"][0]
    assert comment["author_name"] == "A member"
    assert "Morgan Member" not in json.dumps(comment)


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"body": ""}, {"body": ["This field is required."]}),
        ({"body": "x" * 2001}, {"body": ["Enter no more than 2000 characters."]}),
        (
            {"body": "Hi", "parent": 999999},
            {"parent": ["There is no comment with that number on this idea."]},
        ),
    ],
)
def test_a_bad_comment_is_a_422(member_client, data, errors):
    idea = IdeaFactory.create()

    response = _send(member_client, "post", f"{IDEAS}/{idea.pk}/comments", data)

    assert response.status_code == 422
    assert response.json()["errors"] == errors
    assert not Comment.objects.exists()


def test_a_reply_must_be_to_a_comment_on_the_same_idea(member_client):
    idea = IdeaFactory.create()
    elsewhere = CommentFactory.create()

    response = _send(
        member_client, "post", f"{IDEAS}/{idea.pk}/comments", {"body": "Hi", "parent": elsewhere.pk}
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["parent"]


def test_a_withdrawn_idea_takes_no_comments(member_client):
    idea = IdeaFactory.create(status=Status.WITHDRAWN)

    response = _send(member_client, "post", f"{IDEAS}/{idea.pk}/comments", {"body": "Hi"})

    assert response.status_code == 403
    assert response.json()["message"] == "This idea is not open for comments."


def test_commenting_needs_a_member(client):
    idea = IdeaFactory.create()

    assert _send(client, "post", f"{IDEAS}/{idea.pk}/comments", {"body": "Hi"}).status_code == 401


# Reports ------------------------------------------------------------------------------------


def test_a_member_reports_an_idea_once(client, other_member):
    idea = IdeaFactory.create()
    headers = _bearer(other_member)
    path = f"{IDEAS}/{idea.pk}/report"

    response = _send(client, "post", path, {"reason": "spam", "details": "An advert."}, **headers)
    again = _send(client, "post", path, {"reason": "spam"}, **headers)

    assert response.status_code == 201
    assert "moderator" in response.json()["message"]
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.details) == (other_member, "spam", "An advert.")
    assert again.status_code == 422
    assert again.json()["message"] == "You have already reported this."
    assert Report.objects.count() == 1


def test_enough_reports_take_an_idea_out_of_view(client, settings):
    settings.EQUITYHUB_REPORTS_TO_HIDE = 2
    idea = IdeaFactory.create()
    for member in UserFactory.create_batch(2):
        response = _send(
            client, "post", f"{IDEAS}/{idea.pk}/report", {"reason": "offensive"}, **_bearer(member)
        )
        assert response.status_code == 201

    assert client.get(f"{IDEAS}/{idea.pk}").status_code == 404


def test_an_author_cannot_report_their_own_idea(member_client, member):
    idea = IdeaFactory.create(author=member)

    response = _send(member_client, "post", f"{IDEAS}/{idea.pk}/report", {"reason": "spam"})

    assert response.status_code == 403
    assert response.json()["message"] == "You cannot report something you wrote."


def test_a_report_needs_a_known_reason_and_short_details(member_client):
    idea = IdeaFactory.create()
    path = f"{IDEAS}/{idea.pk}/report"

    unknown = _send(member_client, "post", path, {"reason": "boring"})
    long = _send(member_client, "post", path, {"reason": "other", "details": "x" * 1001})

    assert unknown.json()["errors"] == {"reason": ["Choose one of the allowed values."]}
    assert long.json()["errors"] == {"details": ["Enter no more than 1000 characters."]}
    assert not Report.objects.exists()


def test_null_characters_in_a_report_are_refused(member_client):
    idea = IdeaFactory.create()

    response = _send(
        member_client, "post", f"{IDEAS}/{idea.pk}/report", {"reason": "spam", "details": "a\x00"}
    )

    assert response.json()["errors"] == {"details": ["Null characters are not allowed."]}


def test_a_member_reports_a_comment(member_client, member):
    comment = CommentFactory.create()

    response = _send(
        member_client, "post", f"{IDEAS}/comments/{comment.pk}/report", {"reason": "personal"}
    )

    assert response.status_code == 201
    assert Report.objects.get().object_id == comment.pk


@pytest.mark.parametrize("state", [CommentState.HIDDEN, CommentState.PENDING])
def test_a_comment_out_of_view_cannot_be_reported(member_client, state):
    comment = CommentFactory.create(state=state)

    response = _send(
        member_client, "post", f"{IDEAS}/comments/{comment.pk}/report", {"reason": "spam"}
    )

    assert response.status_code == 404
    assert not Report.objects.exists()


def test_reporting_needs_a_member(client):
    comment = CommentFactory.create()

    response = _send(client, "post", f"{IDEAS}/comments/{comment.pk}/report", {"reason": "spam"})

    assert response.status_code == 401


# The schema ---------------------------------------------------------------------------------


def test_the_schema_documents_every_ideas_operation_and_its_errors(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]

    expected = {
        ("get", "/api/v1/themes"): {"200"},
        ("get", "/api/v1/ideas"): {"200", "401", "404", "422"},
        ("post", "/api/v1/ideas"): {"201", "401", "403", "422", "429"},
        ("get", "/api/v1/ideas/{idea_id}"): {"200", "401", "404", "422"},
        ("patch", "/api/v1/ideas/{idea_id}"): {"200", "401", "403", "404", "422"},
        ("post", "/api/v1/ideas/{idea_id}/support"): {"200", "401", "403", "404", "422"},
        ("delete", "/api/v1/ideas/{idea_id}/support"): {"200", "401", "403", "404", "422"},
        ("get", "/api/v1/ideas/{idea_id}/comments"): {"200", "401", "404", "422"},
        ("post", "/api/v1/ideas/{idea_id}/comments"): {"201", "401", "403", "404", "422"},
        ("post", "/api/v1/ideas/{idea_id}/report"): {"201", "401", "403", "404", "422"},
        ("post", "/api/v1/ideas/comments/{comment_id}/report"): {"201", "401", "403", "404", "422"},
    }
    for (method, path), statuses in expected.items():
        operation = paths[path][method]
        assert operation["summary"], (method, path)
        assert operation["description"], (method, path)
        assert operation["tags"] == ["ideas"]
        assert set(operation["responses"]) == statuses, (method, path)
    not_found = paths["/api/v1/ideas/{idea_id}"]["get"]["responses"]["404"]
    assert not_found["content"]["application/json"]["schema"]["$ref"].endswith("/IdeaMissingOut")
    missing = schema["components"]["schemas"]["IdeaMissingOut"]["properties"]
    assert set(missing) == {"message", "errors", "merged_into"}


def test_the_reference_page_shows_the_ideas_operations_in_both_languages(client):
    english = client.get("/api/v1/docs").content.decode()
    welsh = client.get("/cy/api/v1/docs").content.decode()

    assert "Ideas, their supports, comments and reports" in english
    assert "POST /api/v1/ideas/{idea_id}/support" in english
    assert "Fields of IdeaDetailOut" in english
    assert "POST /cy/api/v1/ideas" in welsh
    # What to send is shown too, with its limits and allowed values.
    text = " ".join(re.sub(r"<[^>]+>", " ", english).split())
    assert "Fields of IdeaIn, in the request body of POST /api/v1/ideas" in english
    assert "title Yes string Maximum length: 140" in text
    assert "One of: individual, profession, professional_body, government" in text
    assert "instead of your name. No boolean Default: true" in text
