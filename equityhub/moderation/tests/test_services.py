"""Reports, decisions and suspensions, through the services as any page or the API calls them."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext

from equityhub.accounts.tests.factories import UserFactory
from equityhub.ideas import services as ideas
from equityhub.ideas.models import CommentState, Idea, Level, Status
from equityhub.ideas.tests.factories import IdeaFactory, current_campaign
from equityhub.moderation import services
from equityhub.moderation.models import (
    Action,
    Case,
    CaseReason,
    CaseState,
    Decision,
    Report,
    ReportReason,
    Suspension,
    WordRule,
)

pytestmark = pytest.mark.django_db


def fresh(user):
    """The same member as a new object, as the next request would load them."""
    return get_user_model().objects.get(pk=user.pk)


def status_of(idea: Idea) -> str:
    idea.refresh_from_db()
    return idea.status


def in_a_week():
    return timezone.now() + timedelta(days=7)


# Reports -------------------------------------------------------------------------------------


def test_content_is_hidden_at_exactly_the_third_report(idea, report_by_many) -> None:
    report_by_many(idea, 2)
    assert status_of(idea) == Status.PUBLISHED

    report_by_many(idea, 1)

    assert status_of(idea) == Status.HIDDEN
    case = Case.objects.get()
    assert case.reason == CaseReason.REPORTED
    assert case.state == CaseState.OPEN
    assert case.open_report_count == 3
    auto = Decision.objects.get(action=Action.AUTO_HIDE)
    assert auto.moderator is None
    assert auto.case == case
    assert auto.subject == idea.author


def test_the_threshold_comes_from_settings(idea, report_by_many, settings) -> None:
    settings.EQUITYHUB_REPORTS_TO_HIDE = 5
    report_by_many(idea, 4)
    assert status_of(idea) == Status.PUBLISHED
    report_by_many(idea, 1)
    assert status_of(idea) == Status.HIDDEN


def test_a_hidden_comment_leaves_the_discussion(comment, report_by_many) -> None:
    report_by_many(comment, 3)
    comment.refresh_from_db()
    assert comment.state == CommentState.HIDDEN
    assert Decision.objects.filter(action=Action.AUTO_HIDE, object_id=comment.pk).exists()


def test_a_member_reports_the_same_content_once(idea, member) -> None:
    services.report_create(content=idea, reporter=member, reason=ReportReason.SPAM)

    with pytest.raises(ValidationError) as refused:
        services.report_create(content=idea, reporter=member, reason=ReportReason.OTHER)

    assert refused.value.messages == ["You have already reported this."]
    assert Report.objects.count() == 1
    assert Case.objects.get().open_report_count == 1


def test_nobody_reports_their_own_content(idea) -> None:
    with pytest.raises(PermissionDenied):
        services.report_create(content=idea, reporter=idea.author, reason=ReportReason.SPAM)
    assert not Case.objects.exists()


def test_hidden_content_cannot_be_reported(member) -> None:
    hidden = IdeaFactory.create(status=Status.HIDDEN)
    with pytest.raises(PermissionDenied):
        services.report_create(content=hidden, reporter=member, reason=ReportReason.SPAM)


def test_a_suspended_member_cannot_report(idea, member, moderator) -> None:
    services.member_suspend(member=member, moderator=moderator, until=in_a_week(), reason="Spam")
    with pytest.raises(PermissionDenied):
        services.report_create(content=idea, reporter=fresh(member), reason=ReportReason.SPAM)


def test_an_unknown_reason_is_refused(idea, member) -> None:
    with pytest.raises(ValidationError) as refused:
        services.report_create(content=idea, reporter=member, reason="boring")
    assert "reason" in refused.value.message_dict


def test_reports_on_the_same_content_share_one_case(idea, comment, report_by_many) -> None:
    idea_reports = report_by_many(idea, 2)
    comment_reports = report_by_many(comment, 1)

    idea_case = Case.objects.get(object_id=idea.pk, content_type__model="idea")
    assert {report.case_id for report in idea_reports} == {idea_case.pk}
    assert idea_case.open_report_count == 2
    assert idea_case.title == "Free bus passes for carers"
    assert comment_reports[0].case_id != idea_case.pk


# Decisions -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [None, "editor"])
def test_only_moderators_decide(idea, report_by_many, role) -> None:
    report_by_many(idea, 1)
    user = UserFactory.create(roles=[role] if role else [])
    with pytest.raises(PermissionDenied):
        services.decide(case=Case.objects.get(), moderator=user, action=Action.HIDE)
    assert status_of(idea) == Status.PUBLISHED
    assert Case.objects.get().state == CaseState.OPEN


def test_admins_decide_too(idea, report_by_many, admin_user) -> None:
    report_by_many(idea, 1)
    services.decide(case=Case.objects.get(), moderator=admin_user, action=Action.HIDE)
    assert status_of(idea) == Status.HIDDEN


def test_a_decision_is_audited_and_closes_the_case(idea, report_by_many, moderator) -> None:
    report_by_many(idea, 2)
    case = Case.objects.get()

    decision = services.decide(
        case=case, moderator=moderator, action=Action.HIDE, reason="Advertising a product"
    )

    assert status_of(idea) == Status.HIDDEN
    assert (decision.action, decision.moderator, decision.subject) == (
        Action.HIDE,
        moderator,
        idea.author,
    )
    assert decision.reason == "Advertising a product"
    assert decision.title == idea.title
    assert decision.created_at is not None
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED
    assert case.closed_at is not None
    assert case.open_report_count == 0
    assert not Report.objects.filter(is_open=True).exists()
    # Moderation never deletes: the idea and its reports are all still there.
    assert Idea.objects.filter(pk=idea.pk).exists()
    assert Report.objects.count() == 2


def test_rejecting_needs_a_reason(idea, report_by_many, moderator) -> None:
    report_by_many(idea, 1)
    with pytest.raises(ValidationError) as refused:
        services.decide(case=Case.objects.get(), moderator=moderator, action=Action.REJECT)
    assert "reason" in refused.value.message_dict
    assert status_of(idea) == Status.PUBLISHED


def test_the_author_is_told_why_in_their_language(
    idea, report_by_many, moderator, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    report_by_many(idea, 1)

    with django_capture_on_commit_callbacks(execute=True):
        services.decide(
            case=Case.objects.get(),
            moderator=moderator,
            action=Action.REJECT,
            reason="Please remove the phone number.",
        )

    assert status_of(idea) == Status.REJECTED
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [idea.author.email]
    assert "Please remove the phone number." in email.body
    assert "Free bus passes for carers" in email.subject
    # The author prefers Welsh: the wording and the link are Welsh.
    with translation.override("cy"):
        assert gettext("The moderator's reason:") in email.body
    assert f"/cy/ideas/{idea.pk}/" in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert 'lang="cy"' in html


def test_hiding_sends_no_email(
    idea, report_by_many, moderator, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    report_by_many(idea, 1)
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(case=Case.objects.get(), moderator=moderator, action=Action.HIDE)
    assert mailoutbox == []


def test_restore_returns_the_idea_to_its_previous_status(report_by_many, moderator) -> None:
    idea = IdeaFactory.create(status=Status.ACCEPTED)
    report_by_many(idea, 3)
    assert status_of(idea) == Status.HIDDEN

    services.decide(case=Case.objects.get(), moderator=moderator, action=Action.RESTORE)

    assert status_of(idea) == Status.ACCEPTED


def test_a_decided_case_can_be_revisited(idea, report_by_many, moderator) -> None:
    report_by_many(idea, 1)
    case = Case.objects.get()
    services.decide(case=case, moderator=moderator, action=Action.REJECT, reason="Spam")
    services.decide(case=case, moderator=moderator, action=Action.RESTORE, reason="Appeal upheld")

    assert status_of(idea) == Status.PUBLISHED
    assert list(Decision.objects.filter(case=case).values_list("action", flat=True)) == [
        Action.RESTORE,
        Action.REJECT,
    ]


def test_dismissing_undoes_an_automatic_hiding(idea, report_by_many, moderator) -> None:
    report_by_many(idea, 3)
    services.decide(case=Case.objects.get(), moderator=moderator, action=Action.DISMISS)
    assert status_of(idea) == Status.PUBLISHED


def test_dismissing_leaves_visible_content_alone(idea, report_by_many, moderator) -> None:
    first = report_by_many(idea, 1)[0]
    services.decide(case=Case.objects.get(), moderator=moderator, action=Action.DISMISS)

    assert status_of(idea) == Status.PUBLISHED
    # The reports are closed, so the same member may report it again later: a new case.
    services.report_create(content=idea, reporter=first.reporter, reason=ReportReason.OTHER)
    assert Case.objects.filter(state=CaseState.OPEN).count() == 1
    assert Case.objects.count() == 2


def test_approving_publishes_held_content(moderator) -> None:
    WordRule.objects.create(phrase="miracle cure")
    idea = ideas.idea_create(
        author=UserFactory.create(),
        campaign=current_campaign(),
        title="A miracle cure for waiting lists",
        body="More clinics.",
        level=Level.GOVERNMENT,
        language="en",
    )
    case = Case.objects.get()
    assert (case.reason, case.matched_words) == (CaseReason.WORD_RULE, "miracle cure")

    services.decide(case=case, moderator=moderator, action=Action.APPROVE)

    assert status_of(idea) == Status.PUBLISHED


@pytest.mark.parametrize("action", [Action.MERGE, Action.AUTO_HIDE, "delete"])
def test_other_actions_are_refused(idea, report_by_many, moderator, action) -> None:
    report_by_many(idea, 1)
    with pytest.raises(ValidationError):
        services.decide(case=Case.objects.get(), moderator=moderator, action=action)
    assert Case.objects.get().state == CaseState.OPEN


# Suspensions ---------------------------------------------------------------------------------


def test_suspending_from_a_case_stops_the_author_posting(idea, report_by_many, moderator) -> None:
    report_by_many(idea, 1)
    until = in_a_week()

    decision = services.decide(
        case=Case.objects.get(),
        moderator=moderator,
        action=Action.SUSPEND,
        reason="Repeated spam",
        suspend_until=until,
    )

    suspension = Suspension.objects.get()
    assert (suspension.user, suspension.ends_at, suspension.created_by) == (
        idea.author,
        until,
        moderator,
    )
    assert decision.subject == idea.author
    assert status_of(idea) == Status.PUBLISHED  # suspending changes no content
    with pytest.raises(PermissionDenied):
        ideas.idea_create(
            author=fresh(idea.author),
            campaign=current_campaign(),
            title="Another idea",
            body="Text",
            level=Level.INDIVIDUAL,
            language="en",
        )


def test_suspending_needs_a_future_date_and_a_reason(idea, report_by_many, moderator) -> None:
    report_by_many(idea, 1)
    case = Case.objects.get()
    with pytest.raises(ValidationError) as no_date:
        services.decide(case=case, moderator=moderator, action=Action.SUSPEND, reason="Spam")
    with pytest.raises(ValidationError) as past:
        services.decide(
            case=case,
            moderator=moderator,
            action=Action.SUSPEND,
            reason="Spam",
            suspend_until=timezone.now() - timedelta(days=1),
        )
    with pytest.raises(ValidationError) as no_reason:
        services.decide(
            case=case, moderator=moderator, action=Action.SUSPEND, suspend_until=in_a_week()
        )
    assert "suspend_until" in no_date.value.message_dict
    assert "suspend_until" in past.value.message_dict
    assert "reason" in no_reason.value.message_dict
    assert not Suspension.objects.exists()


def test_a_moderator_suspends_a_member_from_their_page(member, moderator) -> None:
    services.member_suspend(
        member=member, moderator=moderator, until=in_a_week(), reason="Abusive comments"
    )

    decision = Decision.objects.get()
    assert (decision.action, decision.subject, decision.moderator) == (
        Action.SUSPEND,
        member,
        moderator,
    )
    assert decision.reason == "Abusive comments"
    with pytest.raises(PermissionDenied):
        ideas.idea_create(
            author=fresh(member),
            campaign=current_campaign(),
            title="An idea",
            body="Text",
            level=Level.INDIVIDUAL,
            language="en",
        )


def test_a_suspension_ends(member, moderator) -> None:
    suspension = services.member_suspend(
        member=member, moderator=moderator, until=in_a_week(), reason="Cooling off"
    )
    Suspension.objects.filter(pk=suspension.pk).update(
        starts_at=timezone.now() - timedelta(days=8), ends_at=timezone.now() - timedelta(days=1)
    )
    idea = ideas.idea_create(
        author=fresh(member),
        campaign=current_campaign(),
        title="Back again",
        body="Text",
        level=Level.INDIVIDUAL,
        language="en",
    )
    assert idea.status == Status.PUBLISHED


@pytest.mark.parametrize("role", [None, "editor"])
def test_only_moderators_suspend(member, role) -> None:
    user = UserFactory.create(roles=[role] if role else [])
    with pytest.raises(PermissionDenied):
        services.member_suspend(member=member, moderator=user, until=in_a_week(), reason="x")
    assert not Suspension.objects.exists()


def test_a_moderator_cannot_suspend_themselves(moderator) -> None:
    with pytest.raises(ValidationError):
        services.member_suspend(
            member=moderator, moderator=moderator, until=in_a_week(), reason="Oops"
        )
