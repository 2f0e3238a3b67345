"""Writes for moderation: cases, reports, decisions and suspensions.

Content is changed only through its registered adapter (registry.py), so the content app's own
rules, counts and history hold. Nothing here deletes content, and every decision is recorded.
"""

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from equityhub.moderation import emails, rules
from equityhub.moderation.models import (
    Action,
    Case,
    CaseReason,
    CaseState,
    Decision,
    Report,
    ReportReason,
    Suspension,
)
from equityhub.moderation.registry import adapter_for, content_queryset

# What a moderator may decide on a case. Merging has its own service in the ideas app, and
# automatic hiding is the reports' doing, not a moderator's.
CASE_ACTIONS = (
    Action.APPROVE,
    Action.HIDE,
    Action.REJECT,
    Action.RESTORE,
    Action.DISMISS,
    Action.SUSPEND,
)
REASON_REQUIRED = frozenset({Action.REJECT, Action.SUSPEND})


@transaction.atomic
def case_open(
    *, content: Model, reason: CaseReason, matched_words: list[str] | None = None
) -> Case:
    """Put `content` in the queue, or return the case already open for it."""
    adapter = adapter_for(type(content))
    content_type = ContentType.objects.get_for_model(content)
    case = (
        Case.objects.select_for_update()
        .filter(content_type=content_type, object_id=content.pk, state=CaseState.OPEN)
        .first()
    )
    if case is not None:
        return case
    return Case.objects.create(
        content_type=content_type,
        object_id=content.pk,
        reason=reason,
        title=adapter.title(content)[:300],
        excerpt=adapter.excerpt(content),
        matched_words=", ".join(matched_words or [])[:300],
    )


def decision_record(
    *,
    action: Action,
    moderator: Any,
    content: Model | None = None,
    case: Case | None = None,
    reason: str = "",
    subject: Any = None,
) -> Decision:
    """Add one entry to the audit log."""
    title = ""
    content_type = None
    object_id = None
    if content is not None:
        adapter = adapter_for(type(content))
        title = adapter.title(content)[:300]
        content_type = ContentType.objects.get_for_model(content)
        object_id = content.pk
        if subject is None:
            subject = adapter.author(content)
    return Decision.objects.create(
        case=case,
        content_type=content_type,
        object_id=object_id,
        action=action,
        reason=reason,
        moderator=moderator,
        subject=subject,
        title=title,
    )


# Reports ------------------------------------------------------------------------------------


@transaction.atomic
def report_create(*, content: Model, reporter: Any, reason: str, details: str = "") -> Report:
    """A member reports content someone else wrote; enough open reports hide it for review.

    Raises PermissionDenied when the member may not report it (signed out, suspended, their
    own content, content already out of view) and ValidationError for a second open report or
    bad input.
    """
    adapter = adapter_for(type(content))
    if not rules.can_take_part(reporter):
        raise PermissionDenied(_("Your account cannot report content at the moment."))
    if rules.is_author(reporter, content):
        raise PermissionDenied(_("You cannot report something you wrote."))
    if not adapter.is_visible(content):
        raise PermissionDenied(_("This is not visible to others, so it cannot be reported."))
    if reason not in ReportReason.values:
        raise ValidationError({"reason": _("Choose why you are reporting this.")})
    content_type = ContentType.objects.get_for_model(content)
    already = Report.objects.filter(
        content_type=content_type, object_id=content.pk, reporter=reporter, is_open=True
    )
    if already.exists():
        raise ValidationError(_("You have already reported this."), code="duplicate")
    case = case_open(content=content, reason=CaseReason.REPORTED)
    report = Report(
        content_type=content_type,
        object_id=content.pk,
        reporter=reporter,
        case=case,
        reason=reason,
        details=details.strip(),
    )
    report.full_clean(exclude=["case", "content_type", "reporter"], validate_constraints=False)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        # The one-open-report-per-member constraint, when two requests arrive together.
        raise ValidationError(_("You have already reported this."), code="duplicate") from None
    Case.objects.filter(pk=case.pk).update(open_report_count=F("open_report_count") + 1)
    case.refresh_from_db(fields=["open_report_count"])
    if case.open_report_count >= settings.EQUITYHUB_REPORTS_TO_HIDE:
        _hide_after_reports(content, case=case)
    return report


def _hide_after_reports(content: Model, *, case: Case) -> None:
    adapter = adapter_for(type(content))
    fresh = content_queryset(type(content)).get(pk=content.pk)
    if not adapter.is_visible(fresh):
        return
    reason = _("Hidden after %(count)s reports, until a moderator reviews it.") % {
        "count": case.open_report_count
    }
    adapter.hide(fresh, actor=None, reason=reason)
    decision_record(
        action=Action.AUTO_HIDE, moderator=None, content=fresh, case=case, reason=reason
    )


# Decisions ----------------------------------------------------------------------------------


def _check_moderator(user: Any) -> None:
    if not rules.can_moderate(user):
        raise PermissionDenied(_("Only moderators can make moderation decisions."))


def _check_until(until: datetime | None, *, field: str) -> datetime:
    if until is None:
        raise ValidationError({field: _("Enter the date the suspension ends.")})
    if until <= timezone.now():
        raise ValidationError({field: _("The suspension must end in the future.")})
    return until


def _suspend(*, member: Any, moderator: Any, until: datetime, reason: str) -> Suspension:
    suspension = Suspension(
        user=member,
        starts_at=timezone.now(),
        ends_at=until,
        reason=reason,
        created_by=moderator,
    )
    suspension.full_clean(exclude=["user", "created_by"])
    suspension.save()
    return suspension


@transaction.atomic
def decide(
    *,
    case: Case,
    moderator: Any,
    action: str,
    reason: str = "",
    suspend_until: datetime | None = None,
) -> Decision:
    """A moderator's decision on a case: it changes the content, closes the case, is audited.

    approve and restore put the content back in view (an idea to the status it had), hide
    takes it out of view, reject does too and tells the author why, dismiss closes the reports
    and undoes an automatic hiding, suspend bars the author until `suspend_until`.
    Raises PermissionDenied for anyone but a moderator, ValidationError for missing input.
    """
    _check_moderator(moderator)
    if action not in CASE_ACTIONS:
        raise ValidationError({"action": _("Choose what to do.")})
    reason = reason.strip()
    if action in REASON_REQUIRED and not reason:
        message = (
            _("Give the reason: the author will receive it.")
            if action == Action.REJECT
            else _("Give the reason for the suspension.")
        )
        raise ValidationError({"reason": message})
    if action == Action.SUSPEND:
        suspend_until = _check_until(suspend_until, field="suspend_until")

    case = Case.objects.select_for_update().get(pk=case.pk)
    model = case.content_type.model_class()
    if model is None:
        raise ValidationError(_("This content no longer exists."))
    adapter = adapter_for(model)
    content = content_queryset(model).filter(pk=case.object_id).first()
    if content is None:
        raise ValidationError(_("This content no longer exists."))
    author = adapter.author(content)

    if action == Action.APPROVE:
        adapter.approve(content, actor=moderator)
    elif action == Action.HIDE:
        adapter.hide(content, actor=moderator, reason=reason)
    elif action == Action.REJECT:
        adapter.reject(content, actor=moderator, reason=reason)
    elif action == Action.RESTORE:
        adapter.restore(content, actor=moderator, reason=reason)
    elif action == Action.DISMISS:
        last = case.decisions.order_by("-created_at", "-pk").first()
        if last is not None and last.action == Action.AUTO_HIDE and not adapter.is_visible(content):
            adapter.restore(content, actor=moderator, reason=reason)
    elif action == Action.SUSPEND:
        if author is None:
            raise ValidationError(_("The author's account no longer exists."))
        if author.pk == moderator.pk:
            raise ValidationError(_("You cannot suspend yourself."))
        assert suspend_until is not None
        _suspend(member=author, moderator=moderator, until=suspend_until, reason=reason)

    case.reports.filter(is_open=True).update(is_open=False)
    if case.state == CaseState.OPEN:
        case.state = CaseState.CLOSED
        case.closed_at = timezone.now()
    case.open_report_count = 0
    case.save(update_fields=["state", "closed_at", "open_report_count"])
    decision = decision_record(
        action=Action(action),
        moderator=moderator,
        content=content,
        case=case,
        reason=reason,
        subject=author,
    )
    if action == Action.REJECT and author is not None:
        transaction.on_commit(lambda: emails.send_rejection(decision_id=decision.pk))
    return decision


@transaction.atomic
def member_suspend(*, member: Any, moderator: Any, until: datetime, reason: str) -> Suspension:
    """Bar a member from posting, supporting, commenting and reporting until `until`.

    Their content stays as it is. Raises PermissionDenied for anyone but a moderator and
    ValidationError for a missing reason, a date in the past or suspending oneself.
    """
    _check_moderator(moderator)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the suspension.")})
    until = _check_until(until, field="until")
    if member.pk == moderator.pk:
        raise ValidationError(_("You cannot suspend yourself."))
    suspension = _suspend(member=member, moderator=moderator, until=until, reason=reason)
    decision_record(action=Action.SUSPEND, moderator=moderator, subject=member, reason=reason)
    return suspension
