"""The moderation pages: who may use them, what they show, and what they cost in queries."""

import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from equityhub.accounts.tests.factories import UserFactory
from equityhub.ideas.models import Comment, Idea, Status
from equityhub.ideas.tests.factories import IdeaFactory, current_campaign
from equityhub.moderation import services
from equityhub.moderation.models import (
    Action,
    Case,
    CaseReason,
    Decision,
    Report,
    ReportReason,
    Suspension,
)

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    return response.content.decode()


@pytest.fixture
def reported(idea, report_by_many) -> Case:
    """The idea, reported once by a member with details."""
    services.report_create(
        content=idea,
        reporter=UserFactory.create(display_name="Rhys Reporter"),
        reason=ReportReason.PERSONAL,
        details="It names a patient.",
    )
    return Case.objects.get()


def build_cases(count: int) -> None:
    """`count` open cases on ideas and comments, each reported, by authors who hid their name."""
    campaign = current_campaign()
    author = UserFactory.create(display_name="Secret Sam")
    now = timezone.now()
    ideas = Idea.objects.bulk_create(
        Idea(
            campaign=campaign,
            author=author,
            title=f"Idea {n}",
            body="Body",
            body_html="<p>Body</p>",
            level="individual",
            language="en",
            show_name=False,
            status=Status.HIDDEN,
            last_activity_at=now,
        )
        for n in range(count)
    )
    comments = Comment.objects.bulk_create(
        Comment(
            idea=ideas[0], author=author, body="Reply", body_html="<p>Reply</p>", show_name=False
        )
        for _ in range(count // 2)
    )
    idea_type = ContentType.objects.get_for_model(Idea)
    comment_type = ContentType.objects.get_for_model(Comment)
    # Ideas and comments alternate, so every page of the queue shows both kinds.
    contents: list[tuple[ContentType, Idea | Comment]] = [(idea_type, obj) for obj in ideas]
    for n, obj in enumerate(comments):
        contents.insert(2 * n + 1, (comment_type, obj))
    cases = Case.objects.bulk_create(
        Case(
            content_type=content_type,
            object_id=obj.pk,
            reason=CaseReason.REPORTED,
            title=f"Case {n}",
            excerpt="Text",
            open_report_count=1,
            matched_words="spam",
        )
        for n, (content_type, obj) in enumerate(contents[:count])
    )
    reporter = UserFactory.create()
    Report.objects.bulk_create(
        Report(
            content_type=case.content_type,
            object_id=case.object_id,
            case=case,
            reporter=reporter,
            reason=ReportReason.SPAM,
        )
        for case in cases
    )


# Who may use what ---------------------------------------------------------------------------

ROLES = {
    "anonymous": None,
    "member": [],
    "editor": ["editor"],
    "moderator": ["moderator"],
    "admin": ["admin"],
}
MODERATOR_PAGES = ("queue", "case", "log", "suspend")


def client_for(role: str) -> Client:
    client = Client()
    if ROLES[role] is not None:
        client.force_login(UserFactory.create(roles=ROLES[role]))
    return client


def url_for(page: str, case: Case, idea: Idea) -> str:
    return {
        "queue": reverse("moderation:queue"),
        "case": reverse("moderation:case", args=[case.pk]),
        "log": reverse("moderation:log"),
        "suspend": reverse("moderation:suspend", args=[idea.author_id]),
        "report": reverse("moderation:report", args=["idea", idea.pk]),
    }[page]


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("page", [*MODERATOR_PAGES, "report"])
def test_permission_matrix(reported, idea, role: str, page: str) -> None:
    response = client_for(role).get(url_for(page, reported, idea))

    if page == "report":
        expected = 302 if role == "anonymous" else 200
    else:
        expected = 200 if role in ("moderator", "admin") else 403
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ["anonymous", "member", "editor"])
def test_only_moderators_can_decide_or_suspend(reported, idea, role: str) -> None:
    client = client_for(role)
    decided = client.post(url_for("case", reported, idea), {"action": Action.HIDE, "reason": "No"})
    suspended = client.post(
        url_for("suspend", reported, idea),
        {"until": (timezone.localdate() + timedelta(days=3)).isoformat(), "reason": "No"},
    )

    assert (decided.status_code, suspended.status_code) == (403, 403)
    idea.refresh_from_db()
    assert idea.status == Status.PUBLISHED
    assert not Decision.objects.exists()
    assert not Suspension.objects.exists()


def test_the_header_offers_moderation_to_moderators_only(client, member, moderator) -> None:
    client.force_login(member)
    assert reverse("moderation:queue") not in html_of(client.get("/"))
    client.force_login(moderator)
    assert f'href="{reverse("moderation:queue")}"' in html_of(client.get("/"))


# The queue -----------------------------------------------------------------------------------


def test_the_queue_shows_each_case_with_the_real_author(client, moderator, report_by_many) -> None:
    hidden_name = IdeaFactory.create(
        title="Longer appointments",
        show_name=False,
        author=UserFactory.create(display_name="Dilys Hidden"),
    )
    report_by_many(hidden_name, 2)
    client.force_login(moderator)

    html = html_of(client.get(reverse("moderation:queue")))

    assert "Longer appointments" in html
    assert "Dilys Hidden" in html
    assert "(name hidden from the public)" in html
    assert "2 reports" in html
    assert "Reported by members" in html
    assert reverse("moderation:case", args=[Case.objects.get().pk]) in html
    assert f'href="{hidden_name.get_absolute_url()}"' in html


def test_the_queue_filters_by_kind_reason_and_state(
    client, moderator, idea, comment, report_by_many
) -> None:
    report_by_many(idea, 1)
    report_by_many(comment, 1)
    client.force_login(moderator)
    queue = reverse("moderation:queue")

    comments_only = html_of(client.get(queue, {"kind": "comment"}))
    closed_only = html_of(client.get(queue, {"state": "closed"}))
    premoderated = html_of(client.get(queue, {"reason": CaseReason.PREMODERATION}))

    assert "Comment on “Free bus passes for carers”" in comments_only
    assert ">Free bus passes for carers</a>" not in comments_only
    assert "No cases match these filters." in closed_only
    assert "0 cases" in premoderated


def test_the_queue_lists_newest_first_25_a_page(client, moderator) -> None:
    build_cases(30)
    client.force_login(moderator)

    first = html_of(client.get(reverse("moderation:queue")))
    second = html_of(client.get(reverse("moderation:queue"), {"page": 2}))

    assert "30 cases" in first
    assert first.index(">Case 29<") < first.index(">Case 28<")
    assert ">Case 5<" in first and ">Case 4<" not in first
    assert ">Case 4<" in second
    assert "Page 2 of 2" in second


def test_filters_swap_the_results_in_place(client, moderator, idea, report_by_many) -> None:
    report_by_many(idea, 1)
    client.force_login(moderator)

    response = client.get(
        reverse("moderation:queue"), {"kind": "idea"}, headers={"HX-Request": "true"}
    )

    html = html_of(response)
    assert "<html" not in html
    assert "Free bus passes for carers" in html
    assert "HX-Request" in response["Vary"]


def test_an_unknown_filter_value_is_explained(client, moderator) -> None:
    client.force_login(moderator)
    html = html_of(client.get(reverse("moderation:queue"), {"kind": "poem"}))
    assert "There is a problem" in html
    assert "Choose an option from the list." in html


@pytest.mark.parametrize("count", [10, 500])
def test_the_queue_runs_a_fixed_number_of_queries(
    client, moderator, django_assert_max_num_queries, count: int
) -> None:
    build_cases(count)
    client.force_login(moderator)

    # Session, user, roles, the count, a page of cases, then one query per kind of content.
    with django_assert_max_num_queries(7):
        response = client.get(reverse("moderation:queue"))

    assert response.status_code == 200
    assert "Secret Sam" in html_of(response)


# A case --------------------------------------------------------------------------------------


def test_the_case_page_shows_the_content_reports_and_history(
    client, moderator, reported, idea
) -> None:
    services.decide(case=reported, moderator=moderator, action=Action.HIDE, reason="Patient named")
    client.force_login(moderator)

    html = html_of(client.get(reverse("moderation:case", args=[reported.pk])))

    assert "Free bus passes for carers" in html
    assert "Shares someone&#x27;s personal or patient information" in html
    assert "It names a patient." in html
    assert "Rhys Reporter" in html
    assert "Patient named" in html
    assert "Mo Moderator" in html
    assert f'href="{idea.get_absolute_url()}"' in html
    assert reverse("moderation:suspend", args=[idea.author.pk]) in html


def test_a_moderator_decides_from_the_case_page(client, moderator, reported, idea) -> None:
    client.force_login(moderator)

    response = client.post(
        reverse("moderation:case", args=[reported.pk]),
        {"action": Action.HIDE, "reason": "Names a patient"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("moderation:queue")
    assert "Decision recorded: Hide" in html_of(response)
    idea.refresh_from_db()
    assert idea.status == Status.HIDDEN
    assert Decision.objects.get(action=Action.HIDE).moderator == moderator


def test_a_decision_with_errors_keeps_what_was_typed(client, moderator, reported, idea) -> None:
    client.force_login(moderator)

    response = client.post(
        reverse("moderation:case", args=[reported.pk]),
        {
            "action": Action.SUSPEND,
            "reason": "Keeps posting adverts",
            "suspend_until": "2001-01-01",
        },
    )

    html = html_of(response)
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "The suspension must end after today." in html
    assert "Keeps posting adverts" in html
    assert 'value="2001-01-01"' in html
    assert re.search(r'value="suspend"\s+checked', html)
    assert not Suspension.objects.exists()


def test_rejecting_without_a_reason_is_explained(client, moderator, reported, idea) -> None:
    client.force_login(moderator)
    html = html_of(
        client.post(reverse("moderation:case", args=[reported.pk]), {"action": Action.REJECT})
    )
    assert "Give the reason: the author will receive it." in html
    idea.refresh_from_db()
    assert idea.status == Status.PUBLISHED


@pytest.mark.parametrize("reports", [1, 40])
def test_the_case_page_runs_a_fixed_number_of_queries(
    client, moderator, idea, report_by_many, django_assert_max_num_queries, reports: int
) -> None:
    report_by_many(idea, reports)
    case = Case.objects.get()
    for _ in range(reports):
        Decision.objects.create(
            case=case,
            content_type=case.content_type,
            object_id=idea.pk,
            action=Action.DISMISS,
            moderator=moderator,
            subject=idea.author,
        )
    client.force_login(moderator)

    # Session, user, roles, the case, its content, its reports, the content's decisions.
    with django_assert_max_num_queries(7):
        response = client.get(reverse("moderation:case", args=[case.pk]))

    assert response.status_code == 200


def test_an_unknown_case_is_not_found(client, moderator) -> None:
    client.force_login(moderator)
    assert client.get(reverse("moderation:case", args=[999])).status_code == 404


# The log -------------------------------------------------------------------------------------


def test_the_log_lists_decisions_and_filters_by_action(client, moderator, reported) -> None:
    services.decide(case=reported, moderator=moderator, action=Action.HIDE, reason="Too personal")
    services.member_suspend(
        member=UserFactory.create(display_name="Sion Suspended"),
        moderator=moderator,
        until=timezone.now() + timedelta(days=2),
        reason="Abuse",
    )
    client.force_login(moderator)

    everything = html_of(client.get(reverse("moderation:log")))
    suspensions = html_of(client.get(reverse("moderation:log"), {"action": Action.SUSPEND}))

    assert "Too personal" in everything and "Sion Suspended" in everything
    assert "2 decisions" in everything
    assert "Sion Suspended" in suspensions and "Too personal" not in suspensions


@pytest.mark.parametrize("count", [5, 300])
def test_the_log_runs_a_fixed_number_of_queries(
    client, moderator, django_assert_max_num_queries, count: int
) -> None:
    subject = UserFactory.create()
    Decision.objects.bulk_create(
        Decision(action=Action.SUSPEND, moderator=moderator, subject=subject, reason="r")
        for _ in range(count)
    )
    client.force_login(moderator)
    # Session, user, roles, the count, a page of decisions with their people.
    with django_assert_max_num_queries(5):
        response = client.get(reverse("moderation:log"))
    assert response.status_code == 200


# Reporting -----------------------------------------------------------------------------------


def test_a_member_reports_an_idea_and_returns_to_it(client, member, idea) -> None:
    client.force_login(member)
    url = reverse("moderation:report", args=["idea", idea.pk])

    page = html_of(client.get(url))
    response = client.post(url, {"reason": ReportReason.OFFENSIVE, "details": "Rude"})

    assert "Free bus passes for carers" in page
    assert "Spam or advertising" in page
    assert response.status_code == 302
    assert response["Location"] == idea.get_absolute_url()
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.details) == (member, "offensive", "Rude")


def test_reporting_a_comment(client, member, comment) -> None:
    client.force_login(member)
    response = client.post(
        reverse("moderation:report", args=["comment", comment.pk]), {"reason": ReportReason.SPAM}
    )
    assert response["Location"] == comment.get_absolute_url()
    assert Case.objects.get().title == "Comment on “Free bus passes for carers”"


def test_a_report_without_a_reason_keeps_the_details(client, member, idea) -> None:
    client.force_login(member)
    response = client.post(
        reverse("moderation:report", args=["idea", idea.pk]), {"details": "It is an advert"}
    )
    html = html_of(response)
    assert response.status_code == 200
    assert "Choose why you are reporting this." in html
    assert "It is an advert" in html
    assert not Report.objects.exists()


def test_a_second_report_is_not_offered(client, member, idea) -> None:
    services.report_create(content=idea, reporter=member, reason=ReportReason.SPAM)
    client.force_login(member)
    url = reverse("moderation:report", args=["idea", idea.pk])

    page = html_of(client.get(url))
    client.post(url, {"reason": ReportReason.OTHER})

    assert "You have already reported this." in page
    assert Report.objects.count() == 1


def test_nobody_reports_their_own_idea(client, idea) -> None:
    client.force_login(idea.author)
    response = client.post(
        reverse("moderation:report", args=["idea", idea.pk]), {"reason": ReportReason.SPAM}
    )
    assert response.status_code == 403
    assert not Report.objects.exists()


@pytest.mark.parametrize("kind", ["idea", "poem", "user"])
def test_hidden_or_unknown_content_is_not_found(client, member, kind) -> None:
    hidden = IdeaFactory.create(status=Status.HIDDEN)
    client.force_login(member)
    response = client.get(reverse("moderation:report", args=[kind, hidden.pk]))
    assert response.status_code == 404


# Suspending ----------------------------------------------------------------------------------


def test_a_moderator_suspends_a_member(client, moderator, member) -> None:
    client.force_login(moderator)
    url = reverse("moderation:suspend", args=[member.pk])
    until = timezone.localdate() + timedelta(days=10)

    response = client.post(url, {"until": until.isoformat(), "reason": "Harassment"}, follow=True)

    html = html_of(response)
    assert "The member has been suspended." in html
    assert "Suspended until" in html
    assert "Harassment" in html
    suspension = Suspension.objects.get()
    assert suspension.user == member
    assert timezone.localtime(suspension.ends_at).date() == until


def test_suspending_without_a_reason_keeps_the_date(client, moderator, member) -> None:
    client.force_login(moderator)
    until = (timezone.localdate() + timedelta(days=3)).isoformat()
    html = html_of(client.post(reverse("moderation:suspend", args=[member.pk]), {"until": until}))
    assert "Give the reason for the suspension." in html
    assert f'value="{until}"' in html
    assert not Suspension.objects.exists()


# Welsh ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [*MODERATOR_PAGES, "report"])
def test_pages_render_in_welsh(client, moderator, reported, idea, page: str) -> None:
    client.force_login(moderator)
    url = url_for(page, reported, idea)

    response = client.get(f"/cy{url}")

    html = html_of(response)
    assert response.status_code == 200
    assert '<html lang="cy"' in html
    with translation.override("cy"):
        assert f'href="{reverse("moderation:queue")}"' in html
        assert gettext("Skip to main content") in html
        if page == "queue":
            assert reverse("moderation:case", args=[reported.pk]) in html
