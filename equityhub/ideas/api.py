"""The ideas API: find and read ideas, post and edit them, support, discuss and report them.

Reading is open to anyone; a member who signs in (or sends a personal token) also sees their own
ideas that are waiting for review or hidden, and is told what they may do with each idea.
Writes go through the same services as the site's pages, so the same rules hold.

Merged ideas: asking for a duplicate that moderators merged into another idea gives a 404
whose `merged_into` is the id of the idea it joined, as the site's page redirects there.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.validators import slug_re
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Query, Router
from ninja import Status as Reply
from ninja.errors import AuthenticationError, HttpError
from ninja.pagination import paginate

from equityhub.api.auth import MEMBER_AUTH, personal_token
from equityhub.api.errors import ApiError, ErrorOut
from equityhub.api.pagination import Pagination
from equityhub.api.params import CAMPAIGN_HELP, MAX_ID, REPEAT_HELP
from equityhub.campaigns.models import Campaign
from equityhub.core.i18n import active_language
from equityhub.ideas import rules, selectors, services
from equityhub.ideas.models import Comment, CommentState, Idea, Language, Level, Status, Theme
from equityhub.ideas.schemas import (
    MAX_QUERY_LENGTH,
    CommentIn,
    CommentOut,
    IdeaChangeIn,
    IdeaDetailOut,
    IdeaIn,
    IdeaMissingOut,
    IdeaOut,
    ListedStatus,
    ReportedOut,
    ReportIn,
    SortName,
    SupportOut,
    ThemeOut,
    ThreadOut,
    ViewerOut,
)
from equityhub.ideas.selectors import RANDOM_MODULUS
from equityhub.moderation import services as moderation_services

router = Router(tags=["ideas"])

# Reported per request at most, so a list of made-up slugs gets a short answer.
MAX_UNKNOWN_THEMES_NAMED = 5

IdeaId = Annotated[int, Path(..., ge=1, le=MAX_ID, description="The idea's id.")]
CommentId = Annotated[int, Path(..., ge=1, le=MAX_ID, description="The comment's id.")]

Errors = dict[int, Any]
READ_ERRORS: Errors = {401: ErrorOut, 404: IdeaMissingOut, 422: ErrorOut}
WRITE_ERRORS: Errors = {401: ErrorOut, 403: ErrorOut, 404: IdeaMissingOut, 422: ErrorOut}


THEME_FILTER_HELP = "Theme slugs (GET /api/v1/themes); repeat to allow several."
STATUS_FILTER_HELP = "Repeat to allow several. Without it: every published status, not withdrawn."
SEARCH_HELP = "Words to search for, in titles and descriptions."
SEED_HELP = "For sort=random: choose a number and send it with every page to keep the same order."


# Who is asking, and what they may see -------------------------------------------------------


def _viewer(request: HttpRequest) -> Any:
    """The member asking (by personal token or session), or the anonymous visitor.

    Reading needs no credentials, but credentials that are sent must be valid: a script with a
    mistyped token is told so rather than quietly shown less.
    """
    if request.headers.get("Authorization") and personal_token(request) is None:
        raise AuthenticationError()
    return request.user


def _no_such_idea() -> HttpError:
    return HttpError(404, _("There is no idea with that number."))


def _visible_idea(user: Any, idea_id: int) -> Idea:
    """The idea if `user` may read it; otherwise a 404 that does not say whether it exists."""
    idea = selectors.idea_for_page(pk=idea_id)
    if idea is None:
        raise _no_such_idea()
    if idea.status == Status.MERGED:
        target = idea.merged_into_id
        message = (
            _("This idea was merged into idea %(id)s.") % {"id": target}
            if target
            else _("This idea was merged into another idea.")
        )
        raise ApiError(404, message, merged_into=target)
    if not rules.can_view_idea(user, idea):
        raise _no_such_idea()
    return idea


def _with_viewer(idea: Idea, user: Any) -> Idea:
    """The idea with what `user` has done with it and may do now (`viewer` in the detail)."""
    viewer = None
    if rules.is_member(user):
        state = selectors.viewer_state(user=user, idea_ids=[idea.pk])
        viewer = ViewerOut(
            supported=idea.pk in state.supported,
            following=idea.pk in state.followed,
            can_edit=rules.can_edit_idea(user, idea),
            can_support=rules.can_support_idea(user, idea),
            can_comment=rules.can_comment_on_idea(user, idea),
            can_report=rules.can_report(user, idea),
        )
    idea.api_viewer = viewer  # type: ignore[attr-defined]
    return idea


def _detail(request: HttpRequest, idea_id: int) -> Idea:
    return _with_viewer(_visible_idea(request.user, idea_id), request.user)


def _visible_comment(user: Any, comment_id: int) -> Comment:
    comment = (
        Comment.objects.select_related("author", "idea__campaign").filter(pk=comment_id).first()
    )
    hidden_from_user = comment is not None and (
        comment.state in (CommentState.PENDING, CommentState.HIDDEN)
        and not rules.is_moderator(user)
        and not rules.is_author(user, comment)
    )
    if comment is None or hidden_from_user or not rules.can_view_idea(user, comment.idea):
        raise HttpError(404, _("There is no comment with that number."))
    return comment


# Checks a schema cannot make, and the services' refusals as responses -------------------------


def _invalid(errors: dict[str, list[str]]) -> ApiError:
    return ApiError(422, _("Some of the values sent are not valid."), errors=errors)


def _check_text(
    errors: dict[str, list[str]], *, required: bool = True, **texts: str | None
) -> None:
    """Text must say something (if `required`), and PostgreSQL cannot store a null character."""
    for field, text in texts.items():
        if text is None:
            continue
        if required and not text.strip():
            errors.setdefault(field, []).append(_("This field is required."))
        elif "\x00" in text:
            errors.setdefault(field, []).append(_("Null characters are not allowed."))


def _is_slug(text: str) -> bool:
    # Anything else cannot name a theme or campaign, and is not worth a query (PostgreSQL
    # would refuse a null character in one).
    return bool(slug_re.fullmatch(text))


def _themes(errors: dict[str, list[str]], slugs: Sequence[str], *, field: str) -> list[Theme]:
    """The themes named by `slugs`, noting in `errors` any that do not exist (one query)."""
    wanted = list(dict.fromkeys(slugs))
    if not wanted:
        return []
    found = list(selectors.theme_list().filter(slug__in=[s for s in wanted if _is_slug(s)]))
    unknown = [slug for slug in wanted if slug not in {theme.slug for theme in found}]
    for slug in unknown[:MAX_UNKNOWN_THEMES_NAMED]:
        errors.setdefault(field, []).append(
            _("Unknown theme “%(slug)s”: GET /api/v1/themes lists them.") % {"slug": slug}
        )
    return found


def _rate_limit_message(limit: object) -> str:
    return _(
        "You have posted %(limit)s ideas in the last hour, which is as many as we accept. "
        "Please try again later."
    ) % {"limit": limit}


@contextmanager
def _service_errors() -> Iterator[None]:
    """PermissionDenied as a 403, the rate limit as a 429, other ValidationErrors as a 422."""
    try:
        yield
    except PermissionDenied as exc:
        raise HttpError(403, str(exc) or _("You do not have permission to do this.")) from None
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            raise _invalid(exc.message_dict) from None
        for error in exc.error_list:
            if error.code == "rate_limited":
                raise HttpError(
                    429, _rate_limit_message((error.params or {}).get("limit"))
                ) from None
        raise ApiError(422, exc.messages[0], errors={NON_FIELD_ERRORS: exc.messages}) from None


def _campaign(slug: str | None) -> Campaign | None:
    """The campaign named, or the current one when none is named."""
    if slug and not _is_slug(slug):
        return None
    return selectors.campaign_for_ideas(slug or None)


# Themes -------------------------------------------------------------------------------------


@router.get("/themes", response=list[ThemeOut], summary="The themes ideas can touch")
def themes(request: HttpRequest) -> object:
    """Anyone: every theme, in the editors' order, named in the language of the address."""
    return selectors.theme_list()


# Ideas --------------------------------------------------------------------------------------


@router.get(
    "/ideas",
    response={200: list[IdeaOut], 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Find ideas: filter, search and sort",
)
@paginate(Pagination)
def ideas(
    request: HttpRequest,
    campaign: Annotated[str | None, Query(None, description=CAMPAIGN_HELP)] = None,
    level: Annotated[tuple[Level, ...], Query((), description=REPEAT_HELP)] = (),
    theme: Annotated[tuple[str, ...], Query((), description=THEME_FILTER_HELP)] = (),
    status: Annotated[tuple[ListedStatus, ...], Query((), description=STATUS_FILTER_HELP)] = (),
    language: Annotated[tuple[Language, ...], Query((), description=REPEAT_HELP)] = (),
    q: Annotated[str, Query("", max_length=MAX_QUERY_LENGTH, description=SEARCH_HELP)] = "",
    sort: Annotated[SortName, Query("newest")] = "newest",
    seed: Annotated[int, Query(0, ge=0, le=RANDOM_MODULUS - 1, description=SEED_HELP)] = 0,
) -> object:
    """Anyone: a campaign's published ideas, as on the ideas page.

    Filters combine: each repeated filter allows any of its values. `q` searches titles and
    descriptions in English and Welsh. `sort=random` shuffles the list the same way for the
    same `seed`, so that no idea wins by its position alone.
    """
    _viewer(request)
    found = _campaign(campaign)
    if found is None:
        raise HttpError(
            404,
            _("There is no campaign with that slug.")
            if campaign
            else _("There is no current campaign: name one with campaign=…"),
        )
    errors: dict[str, list[str]] = {}
    _themes(errors, theme, field="theme")
    if errors:
        raise _invalid(errors)
    listed = selectors.idea_list(
        selectors.IdeaFilters(
            campaign=found,
            levels=tuple(level),
            themes=tuple(theme),
            statuses=tuple(status),
            languages=tuple(language),
            query=q.strip(),
            sort=sort,
            seed=seed,
        )
    )
    return listed.select_related("campaign")


@router.get(
    "/ideas/{idea_id}",
    response={200: IdeaDetailOut, **READ_ERRORS},
    summary="One idea, with its official response",
)
def idea(request: HttpRequest, idea_id: IdeaId) -> object:
    """Anyone, for published and withdrawn ideas; authors, moderators and editors also see
    ideas awaiting review, hidden or rejected. `viewer` says what the member asking may do."""
    _viewer(request)
    return _detail(request, idea_id)


@router.post(
    "/ideas",
    response={201: IdeaDetailOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    auth=MEMBER_AUTH,
    summary="Post an idea",
)
def idea_create(request: HttpRequest, payload: IdeaIn) -> object:
    """Members: post an idea to a campaign that is taking ideas.

    It is published at once, unless the campaign checks every new idea first or the text needs
    a moderator's look: then its status is `pending` and only you (and moderators) can see it.
    A member can post a limited number of ideas an hour (429 beyond it).
    """
    errors: dict[str, list[str]] = {}
    _check_text(errors, title=payload.title, body=payload.body)
    themes = _themes(errors, payload.themes, field="themes")
    campaign = _campaign(payload.campaign)
    if campaign is None:
        errors["campaign"] = [
            _("There is no campaign with that slug.")
            if payload.campaign
            else _("There is no current campaign: name one with “campaign”.")
        ]
    if errors or campaign is None:
        raise _invalid(errors)
    with _service_errors():
        created = services.idea_create(
            author=request.user,
            campaign=campaign,
            title=payload.title,
            body=payload.body,
            level=payload.level,
            language=payload.language or active_language(),
            themes=themes,
            show_name=payload.show_name,
        )
    return Reply(201, _detail(request, created.pk))


def _edit_refusal(user: Any, idea: Idea) -> str | None:
    """Why `user` may not edit `idea`, in words that fit the case; None if they may."""
    if rules.can_edit_idea(user, idea):
        return None
    if not rules.is_author(user, idea):
        return _("Only its author can change an idea.")
    if not rules.can_take_part(user):
        return _("Your account cannot change ideas at the moment.")
    if not idea.campaign.ideas_are_open():
        return _("This campaign is not taking ideas at the moment.")
    if idea.status not in rules.EDITABLE_STATUSES:
        return _("This idea can no longer be changed: it is “%(status)s”.") % {
            "status": Status(idea.status).label
        }
    return _("This idea can no longer be changed: members have supported or discussed it.")


@router.patch(
    "/ideas/{idea_id}",
    response={200: IdeaDetailOut, **WRITE_ERRORS},
    auth=MEMBER_AUTH,
    summary="Change your idea",
)
def idea_update(request: HttpRequest, payload: IdeaChangeIn, idea_id: IdeaId) -> object:
    """Members, for their own ideas: until anyone supports or comments on it, and while the
    campaign is taking ideas. Only the fields sent change."""
    user = request.user
    idea = _visible_idea(user, idea_id)
    refusal = _edit_refusal(user, idea)
    if refusal:
        raise HttpError(403, refusal)
    errors: dict[str, list[str]] = {}
    _check_text(errors, title=payload.title, body=payload.body)
    themes = (
        _themes(errors, payload.themes, field="themes")
        if payload.themes is not None
        else list(idea.themes.all())
    )
    if errors:
        raise _invalid(errors)
    with _service_errors():
        services.idea_update(
            idea=idea,
            actor=user,
            title=idea.title if payload.title is None else payload.title,
            body=idea.body if payload.body is None else payload.body,
            level=payload.level or idea.level,
            language=payload.language or idea.language,
            themes=themes,
            show_name=idea.show_name if payload.show_name is None else payload.show_name,
        )
    return _detail(request, idea.pk)


# Supports -----------------------------------------------------------------------------------


def _support_refusal(user: Any, idea: Idea) -> str | None:
    if rules.can_support_idea(user, idea):
        return None
    if rules.is_author(user, idea):
        return _("You cannot support your own idea.")
    if not rules.can_take_part(user):
        return _("Your account cannot support ideas at the moment.")
    if not idea.is_public:
        return _("Only published ideas can be supported.")
    if not idea.campaign.ideas_are_open():
        return _("This campaign is not taking ideas at the moment.")
    return _("You cannot support this idea.")


@router.post(
    "/ideas/{idea_id}/support",
    response={200: SupportOut, **WRITE_ERRORS},
    auth=MEMBER_AUTH,
    summary="Support an idea",
)
def support_add(request: HttpRequest, idea_id: IdeaId) -> object:
    """Members, for other members' published ideas while the campaign is taking ideas.

    Supporting twice changes nothing. The count returned is exact at that moment.
    """
    user = request.user
    idea = _visible_idea(user, idea_id)
    refusal = _support_refusal(user, idea)
    if refusal:
        raise HttpError(403, refusal)
    with _service_errors():
        idea = services.support_add(idea=idea, user=user)
    return SupportOut(support_count=idea.support_count, supported=True)


@router.delete(
    "/ideas/{idea_id}/support",
    response={200: SupportOut, **WRITE_ERRORS},
    auth=MEMBER_AUTH,
    summary="Take back your support",
)
def support_remove(request: HttpRequest, idea_id: IdeaId) -> object:
    """Members, for ideas they can see. Taking back a support you never gave changes nothing."""
    user = request.user
    idea = _visible_idea(user, idea_id)
    with _service_errors():
        idea = services.support_remove(idea=idea, user=user)
    return SupportOut(support_count=idea.support_count, supported=False)


# Comments -----------------------------------------------------------------------------------


@router.get(
    "/ideas/{idea_id}/comments",
    response={200: list[ThreadOut], **READ_ERRORS},
    summary="An idea's discussion, thread by thread",
)
@paginate(Pagination)
def comments(request: HttpRequest, idea_id: IdeaId) -> object:
    """Anyone, for ideas they can see: comments oldest first, each with its replies.

    A comment its author removed keeps its place (`removed`, with no text or name), so the
    replies under it still make sense.
    """
    user = _viewer(request)
    idea = _visible_idea(user, idea_id)
    threads = []
    for thread in selectors.idea_threads(idea=idea, viewer=user):
        thread.comment.api_replies = thread.replies  # type: ignore[attr-defined]
        threads.append(thread.comment)
    return threads


@router.post(
    "/ideas/{idea_id}/comments",
    response={201: CommentOut, **WRITE_ERRORS},
    auth=MEMBER_AUTH,
    summary="Comment on an idea, or reply to a comment",
)
def comment_create(request: HttpRequest, payload: CommentIn, idea_id: IdeaId) -> object:
    """Members, on published ideas while the campaign is taking ideas.

    A comment whose words need a moderator's look is `pending` until one approves it.
    """
    user = request.user
    idea = _visible_idea(user, idea_id)
    errors: dict[str, list[str]] = {}
    _check_text(errors, body=payload.body)
    parent = None
    if payload.parent is not None:
        parent = (
            Comment.objects.select_related("parent")
            .filter(pk=payload.parent, idea=idea, state=CommentState.PUBLISHED)
            .first()
        )
        if parent is None:
            errors["parent"] = [_("There is no comment with that number on this idea.")]
    if errors:
        raise _invalid(errors)
    with _service_errors():
        comment = services.comment_create(
            idea=idea, author=user, body=payload.body, parent=parent, show_name=payload.show_name
        )
    return Reply(201, comment)


# Reports ------------------------------------------------------------------------------------


def _report(request: HttpRequest, content: Idea | Comment, payload: ReportIn) -> object:
    errors: dict[str, list[str]] = {}
    _check_text(errors, required=False, details=payload.details)
    if errors:
        raise _invalid(errors)
    with _service_errors():
        moderation_services.report_create(
            content=content,
            reporter=request.user,
            reason=payload.reason,
            details=payload.details,
        )
    return Reply(
        201, ReportedOut(message=_("Thank you. A moderator will look at what you reported."))
    )


@router.post(
    "/ideas/{idea_id}/report",
    response={201: ReportedOut, **WRITE_ERRORS},
    auth=MEMBER_AUTH,
    summary="Report an idea to the moderators",
)
def idea_report(request: HttpRequest, payload: ReportIn, idea_id: IdeaId) -> object:
    """Members, about other members' published ideas, once each. Ideas with enough reports
    are hidden until a moderator reviews them."""
    return _report(request, _visible_idea(request.user, idea_id), payload)


@router.post(
    "/ideas/comments/{comment_id}/report",
    response={201: ReportedOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=MEMBER_AUTH,
    summary="Report a comment to the moderators",
)
def comment_report(request: HttpRequest, payload: ReportIn, comment_id: CommentId) -> object:
    """Members, about other members' published comments, once each."""
    return _report(request, _visible_comment(request.user, comment_id), payload)
