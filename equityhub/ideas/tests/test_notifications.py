"""Followers' email: what news reaches whom, in which language, how often, and how to stop it."""

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import timedelta
from typing import Any

import pytest
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.tasks.signals import task_finished
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from equityhub.accounts.tests.factories import UserFactory
from equityhub.ideas import services
from equityhub.ideas.emails import send_news
from equityhub.ideas.models import (
    Idea,
    Language,
    Level,
    Notification,
    NotificationPreference,
    Status,
)
from equityhub.ideas.notifications import (
    NOTIFICATION_INTERVAL,
    make_unsubscribe_token,
    read_unsubscribe_token,
)
from equityhub.ideas.tests.factories import current_campaign

pytestmark = pytest.mark.django_db

SITE = "https://equityhub.example"


@pytest.fixture(autouse=True)
def _site(settings: Any) -> None:
    settings.SITE_URL = SITE


@pytest.fixture(autouse=True)
def _tasks_must_not_fail() -> Iterator[None]:
    """The test task backend records a failing task and carries on: fail the test instead."""
    failures: list[str] = []

    def check(sender: Any, task_result: Any, **kwargs: Any) -> None:
        failures.extend(error.traceback for error in task_result.errors)

    task_finished.connect(check)
    yield
    task_finished.disconnect(check)
    assert not failures, failures[0]


@pytest.fixture
def committed(
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[Any]],
) -> Callable[[], AbstractContextManager[Any]]:
    """Run what a block queues for after the commit (the send task), as in production."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def post_idea(committed: Any) -> Callable[..., Idea]:
    def post(author: Any, **fields: Any) -> Idea:
        values: dict[str, Any] = {
            "title": "Drop-in advice on work at every GP practice",
            "body": "Occupational therapists in GP practices help people **stay in work**.",
            "level": Level.GOVERNMENT,
            "language": Language.ENGLISH,
            **fields,
        }
        with committed():
            return services.idea_create(author=author, campaign=current_campaign(), **values)

    return post


def links(text: str) -> list[str]:
    return re.findall(r"https?://\S+", text)


def unsubscribe_token(message: Any) -> str:
    found = re.fullmatch(
        rf"<{SITE}(?:/cy)?/ideas/unsubscribe/([^/]+)/>", message.extra_headers["List-Unsubscribe"]
    )
    assert found, message.extra_headers["List-Unsubscribe"]
    return found.group(1)


def html_part(message: Any) -> str:
    [(content, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return str(content)


def move_last_email_back(recipient: Any, idea: Idea, by: timedelta = NOTIFICATION_INTERVAL) -> None:
    """As if the last email about `idea` went out `by` earlier than it did."""
    for row in Notification.objects.filter(recipient=recipient, idea=idea, sent_at__isnull=False):
        assert row.sent_at is not None
        row.sent_at -= by + timedelta(seconds=1)
        row.save(update_fields=["sent_at"])


class TestTheAuthorFollowsTheirIdea:
    def test_a_new_comment(self, member, other_member, post_idea, committed, mailoutbox):
        idea = post_idea(member)
        with committed():
            comment = services.comment_create(
                idea=idea, author=other_member, body="We do this in *Cardiff* already."
            )

        [message] = mailoutbox
        assert message.to == [member.email]
        assert message.subject == (
            "EquityHub: New comment on “Drop-in advice on work at every GP practice”"
        )
        assert "There is news about your idea" in message.body
        assert "Olwen Other commented:" in message.body
        assert "“We do this in Cardiff already.”" in message.body
        assert f"{SITE}/ideas/{idea.pk}/#comment-{comment.pk}" in links(message.body)
        assert f"{SITE}/ideas/{idea.pk}/" in links(message.body)
        assert f"{SITE}/ideas/notifications/" in links(message.body)
        assert "We do this in <em>Cardiff</em>" not in html_part(message)
        assert f'href="{SITE}/ideas/{idea.pk}/#comment-{comment.pk}"' in html_part(message)
        assert not Notification.objects.filter(sent_at__isnull=True).exists()

    def test_a_status_change_with_its_reason(
        self, member, editor, post_idea, committed, mailoutbox
    ):
        idea = post_idea(member)
        with committed():
            services.idea_change_status(
                idea=idea, actor=editor, to_status=Status.UNDER_CONSIDERATION
            )

        [message] = mailoutbox
        assert message.subject == (
            "EquityHub: “Drop-in advice on work at every GP practice” is now: Under consideration"
        )
        assert "Its status is now: Under consideration." in message.body

        move_last_email_back(member, idea)
        with committed():
            services.idea_change_status(
                idea=idea,
                actor=editor,
                to_status=Status.NOT_TAKEN_FORWARD,
                reason="Governments in all four nations already fund this.",
            )

        assert len(mailoutbox) == 2
        later = mailoutbox[1]
        assert "Its status is now: Not taken forward." in later.body
        assert "The reason given: Governments in all four nations already fund this." in later.body

    def test_an_official_response(self, member, editor, post_idea, committed, mailoutbox):
        idea = post_idea(member)
        with committed():
            services.idea_set_official_response(
                idea=idea, actor=editor, text="We will raise this with **all four** governments."
            )

        [message] = mailoutbox
        assert message.subject == (
            "EquityHub: Official response to “Drop-in advice on work at every GP practice”"
        )
        assert "The campaign team published an official response:" in message.body
        assert "We will raise this with **all four** governments." in message.body
        assert "<strong>all four</strong>" in html_part(message)


def test_a_reply_reaches_the_author_of_the_comment_replied_to(
    member, other_member, post_idea, committed, mailoutbox
):
    idea = post_idea(member)
    with committed():
        comment = services.comment_create(idea=idea, author=other_member, body="Who pays?")
    mailoutbox.clear()
    move_last_email_back(member, idea)
    replier = UserFactory(display_name="Rhys Replier")

    with committed():
        services.comment_create(idea=idea, author=replier, body="The health board.", parent=comment)

    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert set(by_recipient) == {other_member.email, member.email}
    reply = by_recipient[other_member.email]
    assert reply.subject == (
        "EquityHub: Reply to your comment on “Drop-in advice on work at every GP practice”"
    )
    assert "Rhys Replier replied to your comment:" in reply.body
    assert "an idea you follow" in reply.body
    assert "Rhys Replier commented:" in by_recipient[member.email].body


def test_nobody_hears_of_their_own_doings(member, editor, post_idea, committed, mailoutbox):
    idea = post_idea(member)
    services.follow(idea=idea, user=editor)

    with committed():
        services.comment_create(idea=idea, author=member, body="More detail: it works in Wales.")
    assert [message.to for message in mailoutbox] == [[editor.email]]
    mailoutbox.clear()

    with committed():
        services.idea_change_status(idea=idea, actor=editor, to_status=Status.UNDER_CONSIDERATION)
    assert [message.to for message in mailoutbox] == [[member.email]]


def test_followers_hear_too(member, other_member, editor, post_idea, committed, mailoutbox):
    idea = post_idea(member)
    services.follow(idea=idea, user=other_member)

    with committed():
        services.idea_change_status(idea=idea, actor=editor, to_status=Status.UNDER_CONSIDERATION)

    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [member.email, other_member.email]
    )
    follower = next(message for message in mailoutbox if message.to == [other_member.email])
    assert "an idea you follow" in follower.body


class TestAtMostOneEmailAnHour:
    def test_news_within_the_hour_waits_for_one_email_that_gathers_it(
        self, member, other_member, post_idea, committed, mailoutbox
    ):
        idea = post_idea(member)
        third = UserFactory(display_name="Tomos Third")
        with committed():
            services.comment_create(idea=idea, author=other_member, body="First thoughts.")
        with committed():
            services.comment_create(idea=idea, author=third, body="Second thoughts.")
        with committed():
            services.comment_create(idea=idea, author=other_member, body="Third thoughts.")

        [first] = mailoutbox
        assert "First thoughts." in first.body
        assert Notification.objects.filter(recipient=member, sent_at__isnull=True).count() == 2

        # Too soon: nothing more goes out.
        assert send_news(recipient_id=member.pk, idea_id=idea.pk) == 0
        assert len(mailoutbox) == 1

        move_last_email_back(member, idea)
        assert send_news(recipient_id=member.pk, idea_id=idea.pk) == 1

        second = mailoutbox[1]
        assert second.subject == (
            "EquityHub: News about “Drop-in advice on work at every GP practice”"
        )
        assert "Tomos Third commented:" in second.body
        assert "Second thoughts." in second.body
        assert "Third thoughts." in second.body
        assert "First thoughts." not in second.body
        assert second.body.index("Second thoughts.") < second.body.index("Third thoughts.")
        assert not Notification.objects.filter(sent_at__isnull=True).exists()
        # Nothing is left, so a late task sends nothing.
        move_last_email_back(member, idea)
        assert send_news(recipient_id=member.pk, idea_id=idea.pk) == 0

    def test_a_send_that_comes_too_soon_is_put_off_until_the_hour_is_up(
        self, settings, member, other_member, post_idea, committed, mailoutbox
    ):
        idea = post_idea(member)
        with committed():
            services.comment_create(idea=idea, author=other_member, body="First thoughts.")
        last_sent = Notification.objects.get(recipient=member).sent_at
        assert last_sent is not None
        # A task backend that can run tasks later, as the database queue in production.
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

        with committed():
            services.comment_create(idea=idea, author=other_member, body="Second thoughts.")
        with committed():
            assert send_news(recipient_id=member.pk, idea_id=idea.pk) == 0

        assert len(mailoutbox) == 1
        waiting = list(DBTaskResult.objects.all())
        assert len(waiting) == 2
        assert {task.run_after for task in waiting} == {last_sent + NOTIFICATION_INTERVAL}
        assert waiting[0].args_kwargs["kwargs"] == {"recipient_id": member.pk, "idea_id": idea.pk}

    def test_news_stored_while_an_email_goes_out_waits_for_the_next(
        self, settings, monkeypatch, member, other_member, post_idea, committed, mailoutbox
    ):
        idea = post_idea(member)
        services.comment_create(idea=idea, author=other_member, body="First thoughts.")
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        send = EmailMultiAlternatives.send

        def send_while_news_arrives(message: Any, *args: Any, **kwargs: Any) -> Any:
            sent = send(message, *args, **kwargs)
            Notification.objects.create(
                recipient=member, idea=idea, kind="status", status=Status.PUBLISHED
            )
            return sent

        monkeypatch.setattr(EmailMultiAlternatives, "send", send_while_news_arrives)
        with committed():
            assert send_news(recipient_id=member.pk, idea_id=idea.pk) == 1

        [message] = mailoutbox
        assert "Its status is now" not in message.body
        sent_at = Notification.objects.filter(sent_at__isnull=False).get().sent_at
        assert sent_at is not None
        [task] = DBTaskResult.objects.all()
        assert task.run_after == sent_at + NOTIFICATION_INTERVAL

    def test_a_comment_removed_before_the_email_is_left_out(
        self, member, other_member, post_idea, committed, mailoutbox
    ):
        idea = post_idea(member)
        with committed():
            services.comment_create(idea=idea, author=other_member, body="First thoughts.")
        regretted = services.comment_create(idea=idea, author=other_member, body="Rash words.")
        services.comment_create(idea=idea, author=other_member, body="Kinder words.")
        services.comment_remove(comment=regretted, actor=other_member)
        move_last_email_back(member, idea)

        assert send_news(recipient_id=member.pk, idea_id=idea.pk) == 1

        assert "Kinder words." in mailoutbox[1].body
        assert "Rash words." not in mailoutbox[1].body


def test_a_welsh_speaker_gets_welsh_email_with_welsh_links(
    other_member, post_idea, committed, mailoutbox
):
    author = UserFactory(display_name="Ffion", preferred_language="cy")
    idea = post_idea(author, title="Cyngor ar waith ym mhob meddygfa", language=Language.WELSH)

    with committed():
        comment = services.comment_create(idea=idea, author=other_member, body="Da iawn.")

    [message] = mailoutbox
    with translation.override("cy"):
        subject = translation.gettext("New comment on “%(title)s”") % {"title": idea.title}
        commented = translation.gettext("%(name)s commented:") % {"name": "Olwen Other"}
    assert message.subject == f"EquityHub: {subject}"
    assert message.extra_headers["Content-Language"] == "cy"
    found = links(message.body)
    assert f"{SITE}/cy/ideas/{idea.pk}/#comment-{comment.pk}" in found
    assert f"{SITE}/cy/ideas/{idea.pk}/" in found
    assert f"{SITE}/cy/ideas/notifications/" in found
    assert all("/cy/" in link for link in found)
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{SITE}/cy/ideas/unsubscribe/")
    assert '<html lang="cy">' in html_part(message)
    assert commented in message.body
    # The page that sent it stays in English.
    assert translation.get_language() == "en"


class TestChoosingWhatToHear:
    def test_a_member_who_wants_no_comment_email_gets_status_news_only(
        self, member, other_member, editor, post_idea, committed, mailoutbox
    ):
        NotificationPreference.objects.create(user=member, on_comment=False)
        idea = post_idea(member)

        with committed():
            services.comment_create(idea=idea, author=other_member, body="Nice.")
        assert mailoutbox == []

        with committed():
            services.idea_change_status(
                idea=idea, actor=editor, to_status=Status.UNDER_CONSIDERATION
            )
        [message] = mailoutbox
        assert "Under consideration" in message.body
        assert "Nice." not in message.body

    def test_the_unsubscribe_link_names_the_member_and_the_idea(
        self, member, other_member, post_idea, committed, mailoutbox
    ):
        idea = post_idea(member)
        with committed():
            services.comment_create(idea=idea, author=other_member, body="Nice.")

        [message] = mailoutbox
        token = unsubscribe_token(message)
        assert read_unsubscribe_token(token) == (member.pk, idea.pk)
        assert f"{SITE}/ideas/unsubscribe/{token}/" in links(message.body)
        assert f'href="{SITE}/ideas/unsubscribe/{token}/"' in html_part(message)
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    def test_one_click_on_the_link_stops_the_email(
        self, client, member, other_member, post_idea, committed, mailoutbox
    ):
        idea = post_idea(member)
        with committed():
            services.comment_create(idea=idea, author=other_member, body="Nice.")
        [message] = mailoutbox

        # What a mail client's own button does (RFC 8058), with no session and no CSRF token.
        client.handler.enforce_csrf_checks = True
        response = client.post(
            f"/ideas/unsubscribe/{unsubscribe_token(message)}/",
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 200

        move_last_email_back(member, idea)
        with committed():
            services.comment_create(idea=idea, author=other_member, body="Nice again.")
        assert len(mailoutbox) == 1

    def test_an_unsubscribe_token_cannot_be_forged_or_altered(self, member):
        token = make_unsubscribe_token(user_id=member.pk, idea_id=7)
        assert read_unsubscribe_token(token) == (member.pk, 7)
        assert read_unsubscribe_token(token[:-2] + "xy") is None
        assert read_unsubscribe_token(signing.dumps({"u": member.pk, "i": 7})) is None
        assert read_unsubscribe_token("not-a-token") is None

    def test_an_account_closed_meanwhile_gets_nothing(
        self, member, other_member, post_idea, committed, mailoutbox
    ):
        idea = post_idea(member)
        member.is_active = False
        member.save(update_fields=["is_active"])
        Notification.objects.create(recipient=member, idea=idea, kind="comment")

        assert send_news(recipient_id=member.pk, idea_id=idea.pk) == 0
        assert mailoutbox == []
        assert not Notification.objects.filter(recipient=member).exists()


class TestAnonymityInEmail:
    def test_a_commenter_who_hides_their_name_is_a_member(
        self, member, other_member, post_idea, committed, mailoutbox
    ):
        idea = post_idea(member)
        with committed():
            services.comment_create(
                idea=idea, author=other_member, body="Speaking for myself.", show_name=False
            )

        [message] = mailoutbox
        assert "A member commented:" in message.body
        assert "Olwen Other" not in message.body
        assert "Olwen Other" not in html_part(message)

    def test_an_author_who_hid_their_name_stays_hidden_when_replying(
        self, member, other_member, post_idea, committed, mailoutbox
    ):
        idea = post_idea(member, show_name=False)
        with committed():
            comment = services.comment_create(idea=idea, author=other_member, body="Who pays?")
        mailoutbox.clear()

        with committed():
            services.comment_create(
                idea=idea, author=member, body="The health board.", parent=comment
            )

        [message] = mailoutbox
        assert message.to == [other_member.email]
        assert "A member replied to your comment:" in message.body
        assert "Morgan Member" not in message.body
        assert "Morgan Member" not in html_part(message)
        assert "Morgan Member" not in message.subject
