"""Writes for the action plan. Every change to an action, its ideas, progress and comments.

Each function checks its rule (rules.py), changes the rows in one transaction and bumps the
action's `version`, so exported documents of the plan know when they are out of date. Ideas
move with the plan through the Ideas Platform's own services, which record their history and
tell their followers.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from equityhub.actions import rules
from equityhub.actions.models import (
    PUBLISHED_STATUSES,
    Action,
    ActionComment,
    ActionIdea,
    ActionStatus,
    LevelRoute,
    ProgressUpdate,
    Team,
)
from equityhub.campaigns.models import Campaign
from equityhub.core.text import markdown_to_html
from equityhub.ideas import services as idea_services
from equityhub.ideas.models import PUBLIC_STATUSES, CommentState, Idea, Theme
from equityhub.moderation.models import CaseReason
from equityhub.moderation.selectors import matched_words
from equityhub.moderation.services import case_open

# Where a published action may go next; a draft is published with `action_publish`.
STATUS_TRANSITIONS: dict[str, frozenset[str]] = {
    ActionStatus.PLANNED: frozenset({ActionStatus.IN_PROGRESS, ActionStatus.DONE}),
    ActionStatus.IN_PROGRESS: frozenset({ActionStatus.PLANNED, ActionStatus.DONE}),
    ActionStatus.DONE: frozenset({ActionStatus.IN_PROGRESS}),
    ActionStatus.DROPPED: frozenset({ActionStatus.PLANNED}),
}
for _next in STATUS_TRANSITIONS.values():
    assert ActionStatus.DRAFT not in _next


def _check_editor(actor: Any) -> None:
    if not rules.can_edit_plan(actor):
        raise PermissionDenied(_("Only editors can change the action plan."))


def _ideas_behind(action: Action) -> Iterable[Idea]:
    return Idea.objects.filter(action_links__action=action).order_by("pk")


def _bump(action: Action) -> None:
    Action.objects.filter(pk=action.pk).update(version=F("version") + 1, updated_at=timezone.now())


# Teams and level routing.


@transaction.atomic
def level_route_set(*, level: str, team: Team, actor: Any) -> LevelRoute:
    """Give the ideas at a level to a team (each level has exactly one team)."""
    _check_editor(actor)
    route, _created = LevelRoute.objects.update_or_create(level=level, defaults={"team": team})
    return route


# Actions.


@transaction.atomic
def action_create(
    *,
    campaign: Campaign,
    actor: Any,
    team: Team,
    level: str,
    title_en: str,
    description_en: str,
    title_cy: str = "",
    description_cy: str = "",
    themes: Iterable[Theme] = (),
    target_date: date | None = None,
    ideas: Sequence[tuple[Idea, str]] = (),
) -> Action:
    """Start a draft action, optionally from ideas (each with its note)."""
    _check_editor(actor)
    action = Action(
        campaign=campaign,
        team=team,
        level=level,
        title_en=title_en.strip(),
        title_cy=title_cy.strip(),
        description_en=description_en.strip(),
        description_cy=description_cy.strip(),
        target_date=target_date,
        created_by=actor,
    )
    action.full_clean(exclude=["themes", "ideas"])
    action.save()
    action.themes.set(list(themes))
    for idea, note in ideas:
        action_link_idea(action=action, idea=idea, note=note, actor=actor)
    action.refresh_from_db()
    return action


@transaction.atomic
def action_update(
    *,
    action: Action,
    actor: Any,
    team: Team,
    level: str,
    title_en: str,
    description_en: str,
    title_cy: str = "",
    description_cy: str = "",
    themes: Iterable[Theme] = (),
    target_date: date | None = None,
) -> Action:
    _check_editor(actor)
    action = Action.objects.select_for_update().get(pk=action.pk)
    action.team = team
    action.level = level
    action.title_en = title_en.strip()
    action.title_cy = title_cy.strip()
    action.description_en = description_en.strip()
    action.description_cy = description_cy.strip()
    action.target_date = target_date
    action.version = F("version") + 1
    action.full_clean(exclude=["themes", "ideas", "version"])
    action.save()
    action.themes.set(list(themes))
    action.refresh_from_db()
    return action


@transaction.atomic
def action_link_idea(*, action: Action, idea: Idea, note: str, actor: Any) -> ActionIdea:
    """Record that an idea shaped an action. On a published action the idea enters the plan."""
    _check_editor(actor)
    action = Action.objects.select_for_update().get(pk=action.pk)
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Say in a sentence how this idea shaped the action.")})
    if idea.status not in PUBLIC_STATUSES:
        raise ValidationError({"idea": _("Only published ideas can be linked to an action.")})
    if idea.campaign_id != action.campaign_id:
        raise ValidationError({"idea": _("Link ideas from the same campaign as the action.")})
    link = ActionIdea(action=action, idea=idea, note=note, linked_by=actor)
    link.full_clean(exclude=["action", "idea"])
    try:
        with transaction.atomic():
            link.save()
    except IntegrityError:
        raise ValidationError(
            {"idea": _("This idea is already linked to this action.")}, code="duplicate"
        ) from None
    _bump(action)
    if action.is_published:
        idea_services.idea_enter_action_plan(idea=idea, actor=actor)
    return link


@transaction.atomic
def action_unlink_idea(*, action: Action, idea: Idea, actor: Any) -> None:
    """Take an idea off an action. The idea keeps its status: editors move it if they wish."""
    _check_editor(actor)
    ActionIdea.objects.filter(action=action, idea=idea).delete()
    _bump(action)


@transaction.atomic
def action_open_for_comments(*, action: Action, actor: Any, is_open: bool = True) -> Action:
    """Open a draft to members for comments (co-creation), or close it again."""
    _check_editor(actor)
    action = Action.objects.select_for_update().get(pk=action.pk)
    if action.status != ActionStatus.DRAFT:
        raise ValidationError(
            {"status": _("Only a draft can be opened for comments; this action is published.")}
        )
    action.open_for_comments = is_open
    action.save(update_fields=["open_for_comments", "updated_at"])
    return action


@transaction.atomic
def action_publish(*, action: Action, actor: Any, status: str = ActionStatus.PLANNED) -> Action:
    """Publish a draft as planned (or already in progress): the ideas behind it enter the plan,
    and comments close."""
    _check_editor(actor)
    action = Action.objects.select_for_update().get(pk=action.pk)
    if action.status != ActionStatus.DRAFT:
        raise ValidationError({"status": _("This action is already published.")})
    if status not in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS):
        raise ValidationError({"status": _("Publish an action as planned or in progress.")})
    action.status = status
    action.open_for_comments = False
    action.published_at = timezone.now()
    action.version = F("version") + 1
    action.save(
        update_fields=["status", "open_for_comments", "published_at", "version", "updated_at"]
    )
    action.refresh_from_db()
    for idea in _ideas_behind(action):
        idea_services.idea_enter_action_plan(idea=idea, actor=actor)
    return action


@transaction.atomic
def action_set_status(
    *,
    action: Action,
    actor: Any,
    status: str,
    reason: str = "",
    mark_ideas_implemented: bool = False,
) -> Action:
    """Move a published action on. Dropping needs a reason; marking it done moves its ideas to
    "implemented" only when the editor confirms it (`mark_ideas_implemented`)."""
    _check_editor(actor)
    action = Action.objects.select_for_update().get(pk=action.pk)
    if action.status == ActionStatus.DRAFT:
        raise ValidationError({"status": _("Publish the draft first.")})
    reason = reason.strip()
    if status == ActionStatus.DROPPED:
        if not reason:
            raise ValidationError(
                {
                    "reason": _(
                        "Say why the action was dropped: the people behind its ideas will read it."
                    )
                }
            )
    elif status not in STATUS_TRANSITIONS.get(action.status, frozenset()):
        raise ValidationError(
            {
                "status": _("An action that is “%(current)s” cannot become “%(new)s”.")
                % {
                    "current": ActionStatus(action.status).label,
                    "new": ActionStatus(status).label if status in ActionStatus.values else status,
                }
            },
            code="invalid_transition",
        )
    action.status = status
    action.dropped_reason = reason if status == ActionStatus.DROPPED else ""
    if status == ActionStatus.DONE:
        action.progress = 100
    action.version = F("version") + 1
    action.save(update_fields=["status", "dropped_reason", "progress", "version", "updated_at"])
    action.refresh_from_db()
    if status == ActionStatus.DONE and mark_ideas_implemented:
        for idea in _ideas_behind(action):
            idea_services.idea_mark_implemented(idea=idea, actor=actor)
    return action


@transaction.atomic
def progress_update_add(
    *,
    action: Action,
    actor: Any,
    happened_on: date,
    text_en: str,
    progress: int,
    text_cy: str = "",
) -> ProgressUpdate:
    """Add a dated step to a published action's timeline; the latest step sets its progress."""
    _check_editor(actor)
    action = Action.objects.select_for_update().get(pk=action.pk)
    if action.status not in PUBLISHED_STATUSES:
        raise ValidationError({"text_en": _("Publish the action before reporting progress.")})
    if not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Progress is a percentage from 0 to 100.")})
    update = ProgressUpdate(
        action=action,
        happened_on=happened_on,
        text_en=text_en.strip(),
        text_cy=text_cy.strip(),
        progress=progress,
        status=action.status,
        author=actor,
    )
    update.full_clean(exclude=["action"])
    update.save()
    # An update about an earlier date fills in the history; the latest date sets the progress.
    latest = ProgressUpdate.objects.filter(action=action).order_by("-happened_on", "-pk").first()
    Action.objects.filter(pk=action.pk).update(
        progress=latest.progress if latest else progress,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    return update


# Comments on drafts opened to members.


def _recount_comments(action: Action) -> None:
    Action.objects.filter(pk=action.pk).update(
        comment_count=ActionComment.objects.filter(
            action=action, state=CommentState.PUBLISHED
        ).count()
    )


@transaction.atomic
def comment_create(
    *,
    action: Action,
    author: Any,
    body: str,
    parent: ActionComment | None = None,
    show_name: bool = True,
) -> ActionComment:
    """Comment on a draft opened for comments, or reply to a comment on it."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    if not rules.can_comment_on_action(author, action):
        raise PermissionDenied(_("This action is not open for comments."))
    if parent is not None:
        if parent.action_id != action.pk:
            raise ValidationError({"parent": _("Reply to a comment on the same action.")})
        if parent.parent_id is not None:
            parent = parent.parent
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Write your comment before posting it.")})
    words = matched_words(body)
    comment = ActionComment(
        action=action,
        author=author,
        parent=parent,
        body=body,
        body_html=markdown_to_html(body),
        show_name=show_name,
        state=CommentState.PENDING if words else CommentState.PUBLISHED,
    )
    comment.full_clean(exclude=["body_html", "action", "parent"])
    comment.save()
    if words:
        case_open(content=comment, reason=CaseReason.WORD_RULE, matched_words=words)
    else:
        _recount_comments(action)
    return comment


@transaction.atomic
def comment_remove(*, comment: ActionComment, actor: Any) -> ActionComment:
    """The author's deletion: the text goes, the thread keeps a "comment removed" line."""
    comment = ActionComment.objects.select_for_update().get(pk=comment.pk)
    if not rules.can_remove_action_comment(actor, comment):
        raise PermissionDenied(_("Only the author can remove this comment."))
    comment.state = CommentState.REMOVED
    comment.body = ""
    comment.body_html = ""
    comment.save(update_fields=["state", "body", "body_html", "updated_at"])
    _recount_comments(comment.action)
    return comment


@transaction.atomic
def comment_set_state(*, comment: ActionComment, state: str) -> ActionComment:
    """Moderation's change of a comment's visibility."""
    comment = ActionComment.objects.select_for_update().get(pk=comment.pk)
    if comment.state in (state, CommentState.REMOVED):
        return comment
    comment.state = state
    comment.save(update_fields=["state", "updated_at"])
    _recount_comments(comment.action)
    return comment
