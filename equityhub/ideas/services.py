"""Writes for the Ideas Platform. Every change to an idea, its supports and comments goes here.

Each function checks the rule that allows it (rules.py), changes the rows in one transaction,
keeps the counts and the version exact, records the idea's history and queues the emails that
followers are owed once the transaction commits.
"""

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from equityhub.campaigns.models import Campaign
from equityhub.core.text import markdown_to_html
from equityhub.ideas import rules
from equityhub.ideas.models import (
    MODERATION_STATUSES,
    PUBLIC_STATUSES,
    Comment,
    CommentState,
    Follow,
    Idea,
    NotificationKind,
    NotificationPreference,
    Status,
    StatusChange,
    Support,
    Theme,
)
from equityhub.moderation.models import Action, CaseReason
from equityhub.moderation.selectors import matched_words
from equityhub.moderation.services import case_open, decision_record

# The editorial workflow: from each status, where editors may move an idea next. Moderation
# (hide, reject, restore), withdrawal and merging have services of their own.
EDITORIAL_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.PUBLISHED: frozenset({Status.UNDER_CONSIDERATION}),
    Status.UNDER_CONSIDERATION: frozenset(
        {Status.PUBLISHED, Status.ACCEPTED, Status.NOT_TAKEN_FORWARD}
    ),
    Status.ACCEPTED: frozenset({Status.UNDER_CONSIDERATION, Status.IN_ACTION_PLAN}),
    Status.NOT_TAKEN_FORWARD: frozenset({Status.UNDER_CONSIDERATION}),
    Status.IN_ACTION_PLAN: frozenset({Status.ACCEPTED, Status.IMPLEMENTED}),
    Status.IMPLEMENTED: frozenset({Status.IN_ACTION_PLAN}),
}


class IdeasClosed(PermissionDenied):
    """The campaign is not taking ideas, supports or comments now."""


def _check(allowed: bool, message: Any = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You cannot do that."))


def _check_open(campaign: Campaign) -> None:
    if not campaign.ideas_are_open():
        raise IdeasClosed(_("This campaign is not taking ideas at the moment."))


def _touch(idea: Idea, *, activity: bool = True) -> None:
    """Mark the idea changed: a new version for cached fragments, and recent activity."""
    changes: dict[str, Any] = {"version": F("version") + 1}
    if activity:
        changes["last_activity_at"] = timezone.now()
    Idea.objects.filter(pk=idea.pk).update(**changes)


def _record_status(idea: Idea, *, from_status: str, actor: Any, reason: str = "") -> None:
    StatusChange.objects.create(
        idea=idea, from_status=from_status, to_status=idea.status, actor=actor, reason=reason
    )


def ideas_posted_in_last_hour(*, author: Any) -> int:
    return Idea.objects.filter(
        author=author, created_at__gte=timezone.now() - timedelta(hours=1)
    ).count()


def _check_rate_limit(author: Any) -> None:
    limit = settings.EQUITYHUB_IDEAS_PER_HOUR
    if ideas_posted_in_last_hour(author=author) >= limit:
        raise ValidationError(
            _(
                "You have posted %(limit)s ideas in the last hour, which is as many as we "
                "accept. Please try again later: what you wrote is still here."
            ),
            code="rate_limited",
            params={"limit": limit},
        )


@transaction.atomic
def idea_create(
    *,
    author: Any,
    campaign: Campaign,
    title: str,
    body: str,
    level: str,
    language: str,
    themes: Iterable[Theme] = (),
    show_name: bool = True,
) -> Idea:
    """Post a new idea. It is published at once unless the campaign or the word list holds it.

    Raises PermissionDenied when the member may not post, ValidationError when they have
    posted too many ideas in the last hour.
    """
    _check(rules.can_take_part(author), _("Your account cannot post ideas at the moment."))
    _check_open(campaign)
    _check_rate_limit(author)
    words = matched_words(title, body)
    held = campaign.ideas_premoderated or bool(words)
    now = timezone.now()
    idea = Idea(
        campaign=campaign,
        author=author,
        title=title.strip(),
        body=body.strip(),
        body_html=markdown_to_html(body),
        level=level,
        language=language,
        show_name=show_name,
        status=Status.PENDING if held else Status.PUBLISHED,
        last_activity_at=now,
    )
    idea.full_clean(exclude=["themes", "body_html", "last_activity_at"])
    idea.save()
    idea.themes.set(themes)
    _record_status(idea, from_status="", actor=author)
    Follow.objects.create(idea=idea, user=author)
    if held:
        reason = CaseReason.WORD_RULE if words else CaseReason.PREMODERATION
        case_open(content=idea, reason=reason, matched_words=words)
    return idea


@transaction.atomic
def idea_update(
    *,
    idea: Idea,
    actor: Any,
    title: str,
    body: str,
    level: str,
    language: str,
    themes: Iterable[Theme],
    show_name: bool,
) -> Idea:
    """The author's edit, allowed until the idea has a support or a comment."""
    idea = Idea.objects.select_for_update().select_related("campaign").get(pk=idea.pk)
    _check(
        rules.can_edit_idea(actor, idea),
        _("This idea can no longer be changed: members have supported or discussed it."),
    )
    idea.title = title.strip()
    idea.body = body.strip()
    idea.body_html = markdown_to_html(body)
    idea.level = level
    idea.language = language
    idea.show_name = show_name
    idea.version = F("version") + 1
    idea.last_activity_at = timezone.now()
    idea.full_clean(exclude=["themes", "body_html", "version", "last_activity_at"])
    words = matched_words(title, body)
    if words and idea.status == Status.PUBLISHED:
        idea.status = Status.PENDING
        idea.save()
        _record_status(idea, from_status=Status.PUBLISHED, actor=actor)
        case_open(content=idea, reason=CaseReason.WORD_RULE, matched_words=words)
    else:
        idea.save()
    idea.themes.set(themes)
    idea.refresh_from_db()
    return idea


@transaction.atomic
def idea_withdraw(*, idea: Idea, actor: Any, reason: str = "") -> Idea:
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    _check(rules.can_withdraw_idea(actor, idea), _("This idea can no longer be withdrawn."))
    return _set_status(idea, to_status=Status.WITHDRAWN, actor=actor, reason=reason)


def _set_status(idea: Idea, *, to_status: str, actor: Any, reason: str = "") -> Idea:
    from_status = idea.status
    idea.status = to_status
    idea.status_reason = reason.strip() if to_status == Status.NOT_TAKEN_FORWARD else ""
    if to_status in MODERATION_STATUSES and from_status not in MODERATION_STATUSES:
        idea.status_before_moderation = from_status
    idea.version = F("version") + 1
    idea.last_activity_at = timezone.now()
    idea.save(
        update_fields=[
            "status",
            "status_reason",
            "status_before_moderation",
            "version",
            "last_activity_at",
            "updated_at",
        ]
    )
    idea.refresh_from_db(fields=["version"])
    _record_status(idea, from_status=from_status, actor=actor, reason=reason.strip())
    return idea


@transaction.atomic
def idea_change_status(*, idea: Idea, actor: Any, to_status: str, reason: str = "") -> Idea:
    """Move an idea along the editorial workflow, and tell its followers.

    Only the moves in EDITORIAL_TRANSITIONS are allowed; "not taken forward" needs a reason.
    """
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    _check(rules.can_set_status(actor, idea), _("Only editors can change an idea's status."))
    allowed = EDITORIAL_TRANSITIONS.get(idea.status, frozenset())
    if to_status not in allowed:
        raise ValidationError(
            {
                "status": _("An idea that is “%(current)s” cannot become “%(new)s”.")
                % {
                    "current": Status(idea.status).label,
                    "new": Status(to_status).label if to_status in Status.values else to_status,
                }
            },
            code="invalid_transition",
        )
    if to_status == Status.NOT_TAKEN_FORWARD and not reason.strip():
        raise ValidationError(
            {"reason": _("Say why the idea is not being taken forward: its author will read it.")},
            code="reason_required",
        )
    idea = _set_status(idea, to_status=to_status, actor=actor, reason=reason)
    _notify_followers(idea, kind=NotificationKind.STATUS, actor=actor)
    return idea


# The action plan (equityhub/actions) moves the ideas behind its published actions.
ACTION_PLAN_ENTRY_STATUSES = frozenset(
    {Status.PUBLISHED, Status.UNDER_CONSIDERATION, Status.ACCEPTED, Status.NOT_TAKEN_FORWARD}
)


@transaction.atomic
def idea_enter_action_plan(*, idea: Idea, actor: Any) -> Idea:
    """Move an idea into the action plan because a published action now builds on it.

    Ideas already in the plan (or implemented) stay where they are; hidden, withdrawn or merged
    ideas are never moved. Followers hear of the change.
    """
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    _check(rules.can_set_status(actor, idea), _("Only editors can change an idea's status."))
    if idea.status not in ACTION_PLAN_ENTRY_STATUSES:
        return idea
    idea = _set_status(idea, to_status=Status.IN_ACTION_PLAN, actor=actor)
    _notify_followers(idea, kind=NotificationKind.STATUS, actor=actor)
    return idea


@transaction.atomic
def idea_mark_implemented(*, idea: Idea, actor: Any) -> Idea:
    """Mark an idea in the plan as implemented because the action behind it is done."""
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    _check(rules.can_set_status(actor, idea), _("Only editors can change an idea's status."))
    if idea.status != Status.IN_ACTION_PLAN:
        return idea
    idea = _set_status(idea, to_status=Status.IMPLEMENTED, actor=actor)
    _notify_followers(idea, kind=NotificationKind.STATUS, actor=actor)
    return idea


@transaction.atomic
def idea_set_official_response(*, idea: Idea, actor: Any, text: str) -> Idea:
    """Publish (or replace) the editors' official response, and tell the followers."""
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    _check(rules.can_respond(actor, idea), _("Only editors can respond to ideas."))
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the response before publishing it.")})
    idea.official_response = text
    idea.official_response_html = markdown_to_html(text)
    idea.official_response_at = timezone.now()
    idea.official_response_by = actor
    idea.version = F("version") + 1
    idea.last_activity_at = timezone.now()
    idea.full_clean(exclude=["body_html", "version", "themes", "last_activity_at"])
    idea.save()
    idea.refresh_from_db()
    _notify_followers(idea, kind=NotificationKind.RESPONSE, actor=actor)
    return idea


# Moderation. These are called by the moderation app through the adapter in moderation.py;
# each leaves its own entry in the idea's timeline, and the caller records the decision.


@transaction.atomic
def idea_hold(*, idea: Idea) -> Idea:
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    if idea.status == Status.PUBLISHED:
        idea = _set_status(idea, to_status=Status.PENDING, actor=None)
    return idea


@transaction.atomic
def idea_hide(*, idea: Idea, actor: Any, reason: str = "", status: str = Status.HIDDEN) -> Idea:
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    if idea.status == status or idea.status == Status.MERGED:
        return idea
    return _set_status(idea, to_status=status, actor=actor, reason=reason)


def idea_reject(*, idea: Idea, actor: Any, reason: str) -> Idea:
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason: the author will receive it.")})
    return idea_hide(idea=idea, actor=actor, reason=reason, status=Status.REJECTED)


@transaction.atomic
def idea_restore(*, idea: Idea, actor: Any, reason: str = "") -> Idea:
    """Return a hidden, rejected or held idea to where it was (a held one to published)."""
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    if idea.status == Status.PENDING:
        return _set_status(idea, to_status=Status.PUBLISHED, actor=actor, reason=reason)
    if idea.status not in MODERATION_STATUSES:
        return idea
    previous = idea.status_before_moderation or Status.PUBLISHED
    if previous in (Status.PENDING, *MODERATION_STATUSES):
        previous = Status.PUBLISHED
    return _set_status(idea, to_status=previous, actor=actor, reason=reason)


@transaction.atomic
def idea_merge(*, source: Idea, target: Idea, actor: Any, reason: str = "") -> Idea:
    """Fold a duplicate into another idea: its supports, followers and comments move over.

    A member who supported both keeps one support; the target's author never supports their
    own idea. The duplicate's address then redirects to the target.
    """
    _check(rules.can_moderate(actor), _("Only moderators can merge ideas."))
    ideas = {
        i.pk: i for i in Idea.objects.select_for_update().filter(pk__in=[source.pk, target.pk])
    }
    source, target = ideas[source.pk], ideas[target.pk]
    if source.pk == target.pk:
        raise ValidationError({"target": _("An idea cannot be merged into itself.")})
    if target.status not in PUBLIC_STATUSES:
        raise ValidationError({"target": _("Merge into an idea that everyone can see.")})
    if source.campaign_id != target.campaign_id:
        raise ValidationError({"target": _("Both ideas must belong to the same campaign.")})

    already = Support.objects.filter(idea=target).values("user_id")
    movable = Support.objects.filter(idea=source).exclude(user_id__in=already)
    if target.author_id is not None:
        movable = movable.exclude(user_id=target.author_id)
    movable.update(idea=target)
    Support.objects.filter(idea=source).delete()
    following = Follow.objects.filter(idea=target).values("user_id")
    Follow.objects.filter(idea=source).exclude(user_id__in=following).update(idea=target)
    Follow.objects.filter(idea=source).delete()
    # Comments keep their threads; an official answer on the duplicate stops being official,
    # since the target may have its own.
    Comment.objects.filter(idea=source, is_official_answer=True).update(is_official_answer=False)
    Comment.objects.filter(idea=source).update(idea=target)

    for idea in (source, target):
        idea.support_count = Support.objects.filter(idea=idea).count()
        idea.comment_count = _visible_comment_count(idea)
    source.merged_into = target
    source.save(update_fields=["support_count", "comment_count", "merged_into"])
    _set_status(source, to_status=Status.MERGED, actor=actor, reason=reason)
    target.version = F("version") + 1
    target.last_activity_at = timezone.now()
    target.save(update_fields=["support_count", "comment_count", "version", "last_activity_at"])
    target.refresh_from_db()
    decision_record(action=Action.MERGE, moderator=actor, content=source, reason=reason)
    return target


# Supports. The count is changed by the same statement that proves a row was added or removed,
# so concurrent clicks can never make it drift from the number of rows.


def support_add(*, idea: Idea, user: Any) -> Idea:
    _check(
        rules.can_support_idea(user, idea),
        _("You cannot support this idea.")
        if not rules.is_author(user, idea)
        else _("You cannot support your own idea."),
    )
    try:
        with transaction.atomic():
            Support.objects.create(idea=idea, user=user)
            Idea.objects.filter(pk=idea.pk).update(
                support_count=F("support_count") + 1,
                version=F("version") + 1,
                last_activity_at=timezone.now(),
            )
    except IntegrityError:
        pass  # Already supported: a second click changes nothing.
    idea.refresh_from_db(fields=["support_count", "version", "last_activity_at"])
    return idea


def support_remove(*, idea: Idea, user: Any) -> Idea:
    _check(rules.is_member(user))
    with transaction.atomic():
        removed, _detail = Support.objects.filter(idea=idea, user=user).delete()
        if removed:
            Idea.objects.filter(pk=idea.pk).update(
                support_count=F("support_count") - removed, version=F("version") + 1
            )
    idea.refresh_from_db(fields=["support_count", "version", "last_activity_at"])
    return idea


def follow(*, idea: Idea, user: Any) -> None:
    _check(rules.can_follow_idea(user, idea))
    Follow.objects.get_or_create(idea=idea, user=user)


def unfollow(*, idea: Idea, user: Any) -> None:
    Follow.objects.filter(idea=idea, user=user).delete()


# Comments.


def _visible_comment_count(idea: Idea) -> int:
    return Comment.objects.filter(idea=idea, state=CommentState.PUBLISHED).count()


def _recount_comments(idea: Idea) -> None:
    Idea.objects.filter(pk=idea.pk).update(
        comment_count=_visible_comment_count(idea), version=F("version") + 1
    )


@transaction.atomic
def comment_create(
    *, idea: Idea, author: Any, body: str, parent: Comment | None = None, show_name: bool = True
) -> Comment:
    """Post a comment or a reply. Replies go under the top-level comment of their thread."""
    idea = Idea.objects.select_for_update().select_related("campaign").get(pk=idea.pk)
    _check(rules.can_take_part(author), _("Your account cannot comment at the moment."))
    _check_open(idea.campaign)
    _check(rules.can_comment_on_idea(author, idea), _("This idea is not open for comments."))
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise ValidationError({"parent": _("Reply to a comment on the same idea.")})
        if parent.parent_id is not None:
            parent = parent.parent
    # Authors who hid their name on the idea stay unnamed in its discussion.
    if rules.is_author(author, idea) and not idea.show_name:
        show_name = False
    words = matched_words(body)
    comment = Comment(
        idea=idea,
        author=author,
        parent=parent,
        body=body.strip(),
        body_html=markdown_to_html(body),
        show_name=show_name,
        state=CommentState.PENDING if words else CommentState.PUBLISHED,
    )
    comment.full_clean(exclude=["body_html"])
    comment.save()
    if words:
        case_open(content=comment, reason=CaseReason.WORD_RULE, matched_words=words)
        return comment
    Idea.objects.filter(pk=idea.pk).update(
        comment_count=F("comment_count") + 1,
        version=F("version") + 1,
        last_activity_at=timezone.now(),
    )
    _notify_about_comment(comment, actor=author)
    return comment


def _notify_about_comment(comment: Comment, *, actor: Any) -> None:
    replied_to = None
    if comment.parent is not None and comment.parent.author_id not in (None, actor.pk):
        replied_to = comment.parent.author_id
        _queue(
            recipient_ids=[replied_to],
            idea=comment.idea,
            kind=NotificationKind.REPLY,
            comment=comment,
        )
    _notify_followers(
        comment.idea,
        kind=NotificationKind.COMMENT,
        actor=actor,
        comment=comment,
        exclude=[replied_to] if replied_to else [],
    )


@transaction.atomic
def comment_edit(*, comment: Comment, actor: Any, body: str) -> Comment:
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    _check(
        rules.can_edit_comment(actor, comment),
        _("Comments can be changed for 15 minutes after posting."),
    )
    comment.body = body.strip()
    comment.body_html = markdown_to_html(body)
    comment.edited_at = timezone.now()
    comment.full_clean(exclude=["body_html"])
    words = matched_words(body)
    if words:
        comment.state = CommentState.PENDING
    comment.save()
    if words:
        case_open(content=comment, reason=CaseReason.WORD_RULE, matched_words=words)
        _recount_comments(comment.idea)
    else:
        _touch(comment.idea, activity=False)
    return comment


@transaction.atomic
def comment_remove(*, comment: Comment, actor: Any) -> Comment:
    """The author's deletion: the text goes, the thread keeps a "comment removed" line."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    _check(rules.can_remove_comment(actor, comment))
    comment.state = CommentState.REMOVED
    comment.body = ""
    comment.body_html = ""
    comment.is_official_answer = False
    comment.save(update_fields=["state", "body", "body_html", "is_official_answer", "updated_at"])
    _recount_comments(comment.idea)
    return comment


@transaction.atomic
def comment_set_state(*, comment: Comment, state: str) -> Comment:
    """Moderation's change of a comment's visibility; the counts follow."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.state in (state, CommentState.REMOVED):
        return comment
    was_pending = comment.state == CommentState.PENDING
    comment.state = state
    if state != CommentState.PUBLISHED:
        comment.is_official_answer = False
    comment.save(update_fields=["state", "is_official_answer", "updated_at"])
    _recount_comments(comment.idea)
    if was_pending and state == CommentState.PUBLISHED and comment.author is not None:
        _notify_about_comment(comment, actor=comment.author)
    return comment


@transaction.atomic
def comment_mark_official(*, comment: Comment, actor: Any, official: bool = True) -> Comment:
    """Highlight one comment as the official answer on its idea (replacing any other)."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    _check(rules.can_mark_official_answer(actor, comment))
    Comment.objects.filter(idea_id=comment.idea_id, is_official_answer=True).exclude(
        pk=comment.pk
    ).update(is_official_answer=False)
    comment.is_official_answer = official
    comment.save(update_fields=["is_official_answer", "updated_at"])
    _touch(comment.idea, activity=False)
    return comment


# Notifications: rows now, one email per idea per member per hour later (notifications.py).


def _notify_followers(
    idea: Idea,
    *,
    kind: str,
    actor: Any,
    comment: Comment | None = None,
    exclude: Iterable[int] = (),
) -> None:
    skip = {pk for pk in exclude if pk is not None}
    if actor is not None:
        skip.add(actor.pk)
    recipients = (
        Follow.objects.filter(idea=idea)
        .exclude(user_id__in=skip)
        .filter(user__is_active=True)
        .values_list("user_id", flat=True)
    )
    _queue(recipient_ids=list(recipients), idea=idea, kind=kind, comment=comment)


def _queue(*, recipient_ids: list[int], idea: Idea, kind: str, comment: Comment | None) -> None:
    from equityhub.ideas import notifications

    notifications.queue(
        recipient_ids=recipient_ids,
        idea=idea,
        kind=kind,
        comment=comment,
        status=idea.status if kind == NotificationKind.STATUS else "",
    )


def notification_preference_set(
    *, user: Any, on_status: bool, on_response: bool, on_comment: bool, on_reply: bool
) -> NotificationPreference:
    """Which kinds of news about followed ideas the member wants by email."""
    _check(rules.is_member(user))
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user,
        defaults={
            "on_status": on_status,
            "on_response": on_response,
            "on_comment": on_comment,
            "on_reply": on_reply,
        },
    )
    return preference
