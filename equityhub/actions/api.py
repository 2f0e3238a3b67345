"""The action plan API: read the published plan, its actions and its summary; editors build it.

Reading is open to anyone, in the language of the address (/api/v1/ or /cy/api/v1/). Drafts
are for editors only: to anyone else a draft does not exist. Writes go through the same
services as the editors' pages, so the same rules hold.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.validators import slug_re
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Query, Router
from ninja import Status as Reply
from ninja.errors import AuthenticationError, HttpError
from ninja.pagination import paginate

from equityhub.actions import rules, selectors, services
from equityhub.actions.models import Action, ActionIdea, Team
from equityhub.actions.schemas import (
    ActionDetailOut,
    ActionIdeaOut,
    ActionIn,
    ActionOut,
    IdeaLinkIn,
    PlanSummaryOut,
    ProgressIn,
    ProgressOut,
    PublishedStatus,
)
from equityhub.api.auth import MEMBER_AUTH, personal_token
from equityhub.api.errors import ApiError, ErrorOut
from equityhub.api.pagination import Pagination
from equityhub.api.params import CAMPAIGN_HELP, MAX_ID, REPEAT_HELP
from equityhub.campaigns.models import Campaign
from equityhub.ideas.models import Idea, Level, Theme
from equityhub.ideas.selectors import campaign_for_ideas, theme_list

router = Router(tags=["actions"])


ActionId = Annotated[int, Path(..., ge=1, le=MAX_ID, description="The action's id.")]

READ_ERRORS: dict[int, Any] = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}

# The plan's order: the campaign's four levels, then the nearest target date first.
LEVEL_ORDER = Case(
    *(When(level=level, then=Value(position)) for position, level in enumerate(Level.values)),
    output_field=IntegerField(),
)


# Who is asking, and what they may see -------------------------------------------------------


def _caller(request: HttpRequest) -> Any:
    """The member asking (by personal token or session), or the anonymous visitor.

    Reading needs no credentials, but credentials that are sent must be valid.
    """
    if request.headers.get("Authorization") and personal_token(request) is None:
        raise AuthenticationError()
    return request.user


def _editor(request: HttpRequest) -> Any:
    if not rules.can_edit_plan(request.user):
        raise HttpError(403, _("Only editors can change the action plan."))
    return request.user


def _campaign(slug: str | None) -> Campaign | None:
    """The published campaign named, or the current one when none is named."""
    if slug and not slug_re.fullmatch(slug):
        return None
    return campaign_for_ideas(slug or None)


def _campaign_or_404(slug: str | None) -> Campaign:
    campaign = _campaign(slug)
    if campaign is None:
        raise HttpError(
            404,
            _("There is no campaign with that slug.")
            if slug
            else _("There is no current campaign: name one with campaign=…"),
        )
    return campaign


def _visible_action(user: Any, action_id: int) -> Action:
    """The action with what its detail shows, or a 404 for a draft to anyone but editors."""
    action = selectors.action_for_page(action_id)
    editor = rules.can_edit_plan(user)
    if (
        action is None
        or not (action.is_published or editor)
        or not (action.campaign.is_published or editor)
    ):
        raise HttpError(404, _("There is no action with that number."))
    action.api_timeline = list(selectors.action_timeline(action))  # type: ignore[attr-defined]
    return action


# Checks a schema cannot make, and the services' refusals as responses -------------------------


def _invalid(errors: dict[str, list[str]]) -> ApiError:
    return ApiError(422, _("Some of the values sent are not valid."), errors=errors)


def _check_text(errors: dict[str, list[str]], *, required: tuple[str, ...], **texts: str) -> None:
    """Required text must say something, and PostgreSQL cannot store a null character."""
    for field, text in texts.items():
        if field in required and not text.strip():
            errors.setdefault(field, []).append(_("This field is required."))
        elif "\x00" in text:
            errors.setdefault(field, []).append(_("Null characters are not allowed."))


@contextmanager
def _service_errors(rename: dict[str, str] | None = None) -> Iterator[None]:
    """PermissionDenied as a 403, ValidationError as a 422 naming the fields sent."""
    try:
        yield
    except PermissionDenied as exc:
        raise HttpError(403, str(exc) or _("You do not have permission to do this.")) from None
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            errors: dict[str, list[str]] = {}
            for field, messages in exc.message_dict.items():
                errors.setdefault((rename or {}).get(field, field), []).extend(messages)
            raise _invalid(errors) from None
        raise ApiError(422, exc.messages[0], errors={NON_FIELD_ERRORS: exc.messages}) from None


# Reading ------------------------------------------------------------------------------------


@router.get(
    "/actions",
    response={200: list[ActionOut], **READ_ERRORS},
    summary="The action plan's published actions",
)
@paginate(Pagination)
def actions(
    request: HttpRequest,
    campaign: Annotated[str | None, Query(None, description=CAMPAIGN_HELP)] = None,
    level: Annotated[tuple[Level, ...], Query((), description=REPEAT_HELP)] = (),
    status: Annotated[tuple[PublishedStatus, ...], Query((), description=REPEAT_HELP)] = (),
) -> object:
    """Anyone: a campaign's published actions in the plan's order (by level, then target
    date), each with the ids of the published ideas behind it. Drafts are never listed."""
    _caller(request)
    found = _campaign_or_404(campaign)
    listed = selectors.plan_actions(found).select_related("campaign")
    if level:
        listed = listed.filter(level__in=level)
    if status:
        listed = listed.filter(status__in=status)
    return listed.order_by(LEVEL_ORDER, "target_date", "pk")


@router.get(
    "/actions/{action_id}",
    response={200: ActionDetailOut, **READ_ERRORS},
    summary="One action, with the ideas behind it and its progress",
)
def action(request: HttpRequest, action_id: ActionId) -> object:
    """Anyone, for a published action; editors also for drafts (a 404 for anyone else)."""
    return _visible_action(_caller(request), action_id)


@router.get(
    "/action-plan/summary",
    response={200: PlanSummaryOut, **READ_ERRORS},
    summary="What became of the ideas: the plan in numbers",
)
def plan_summary(
    request: HttpRequest,
    campaign: Annotated[str | None, Query(None, description=CAMPAIGN_HELP)] = None,
) -> object:
    """Anyone: how many ideas a campaign received, how many shaped a published action, and
    how many actions there are and are done."""
    _caller(request)
    found = _campaign_or_404(campaign)
    summary = selectors.plan_summary(found)
    return PlanSummaryOut(
        campaign=found.slug,
        ideas_received=summary.ideas_received,
        ideas_shaping_actions=summary.ideas_shaping_actions,
        actions=summary.actions,
        actions_done=summary.actions_done,
    )


# Building the plan (editors) ----------------------------------------------------------------


def _themes(errors: dict[str, list[str]], slugs: list[str]) -> list[Theme]:
    wanted = list(dict.fromkeys(slugs))
    if not wanted:
        return []
    found = list(theme_list().filter(slug__in=[s for s in wanted if slug_re.fullmatch(s)]))
    known = {theme.slug for theme in found}
    for slug in [s for s in wanted if s not in known][:5]:
        errors.setdefault("themes", []).append(
            _("Unknown theme “%(slug)s”: GET /api/v1/themes lists them.") % {"slug": slug}
        )
    return found


def _team(errors: dict[str, list[str]], slug: str) -> Team | None:
    team = Team.objects.filter(slug=slug).first() if slug_re.fullmatch(slug) else None
    if team is None:
        errors["team"] = [_("There is no team with that slug.")]
    return team


def _ideas(errors: dict[str, list[str]], payload: ActionIn) -> list[tuple[Idea, str]]:
    """The ideas to link, each with its note, noting unknown or repeated ones (one query)."""
    ids = [link.idea for link in payload.ideas]
    found = Idea.objects.in_bulk(ids)
    ideas: list[tuple[Idea, str]] = []
    seen: set[int] = set()
    for position, link in enumerate(payload.ideas):
        field = f"ideas.{position}"
        if link.idea not in found:
            errors.setdefault(f"{field}.idea", []).append(_("There is no idea with that number."))
        elif link.idea in seen:
            errors.setdefault(f"{field}.idea", []).append(_("This idea is listed twice."))
        else:
            ideas.append((found[link.idea], link.note))
        seen.add(link.idea)
        _check_text(errors, required=(f"{field}.note",), **{f"{field}.note": link.note})
    return ideas


@router.post(
    "/actions",
    response={201: ActionDetailOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    auth=MEMBER_AUTH,
    summary="Start a draft action",
)
def action_create(request: HttpRequest, payload: ActionIn) -> object:
    """Editors: start a draft action, optionally from ideas, each with a note on how it shaped
    the action. The draft is published from the site once it is agreed."""
    user = _editor(request)
    errors: dict[str, list[str]] = {}
    _check_text(
        errors,
        required=("title_en", "description_en"),
        title_en=payload.title_en,
        description_en=payload.description_en,
        title_cy=payload.title_cy,
        description_cy=payload.description_cy,
    )
    campaign = _campaign(payload.campaign)
    if campaign is None:
        errors["campaign"] = [
            _("There is no campaign with that slug.")
            if payload.campaign
            else _("There is no current campaign: name one with “campaign”.")
        ]
    team = _team(errors, payload.team)
    themes = _themes(errors, payload.themes)
    ideas = _ideas(errors, payload)
    if errors or campaign is None or team is None:
        raise _invalid(errors)
    with _service_errors(rename={"idea": "ideas", "note": "ideas"}):
        created = services.action_create(
            campaign=campaign,
            actor=user,
            team=team,
            level=payload.level,
            title_en=payload.title_en,
            description_en=payload.description_en,
            title_cy=payload.title_cy,
            description_cy=payload.description_cy,
            themes=themes,
            target_date=payload.target_date,
            ideas=ideas,
        )
    return Reply(201, _visible_action(user, created.pk))


@router.post(
    "/actions/{action_id}/ideas",
    response={201: ActionIdeaOut, **WRITE_ERRORS},
    auth=MEMBER_AUTH,
    summary="Link an idea to an action",
)
def action_link_idea(request: HttpRequest, payload: IdeaLinkIn, action_id: ActionId) -> object:
    """Editors: record that a published idea of the same campaign shaped an action, with a
    note on how. On a published action the idea moves to “in the action plan” and its
    followers are told."""
    user = _editor(request)
    action = _visible_action(user, action_id)
    errors: dict[str, list[str]] = {}
    _check_text(errors, required=("note",), note=payload.note)
    idea = Idea.objects.filter(pk=payload.idea).first()
    if idea is None:
        errors["idea"] = [_("There is no idea with that number.")]
    if errors or idea is None:
        raise _invalid(errors)
    with _service_errors():
        link = services.action_link_idea(action=action, idea=idea, note=payload.note, actor=user)
    return Reply(201, ActionIdea.objects.select_related("idea").get(pk=link.pk))


@router.post(
    "/actions/{action_id}/progress",
    response={201: ProgressOut, **WRITE_ERRORS},
    auth=MEMBER_AUTH,
    summary="Report progress on an action",
)
def progress_add(request: HttpRequest, payload: ProgressIn, action_id: ActionId) -> object:
    """Editors: add a dated step to a published action's timeline, in English and optionally
    Welsh. The latest step sets the action's progress."""
    user = _editor(request)
    action = _visible_action(user, action_id)
    errors: dict[str, list[str]] = {}
    _check_text(errors, required=("text_en",), text_en=payload.text_en, text_cy=payload.text_cy)
    if errors:
        raise _invalid(errors)
    with _service_errors():
        update = services.progress_update_add(
            action=action,
            actor=user,
            happened_on=payload.happened_on,
            text_en=payload.text_en,
            text_cy=payload.text_cy,
            progress=payload.progress,
        )
    return Reply(201, update)
