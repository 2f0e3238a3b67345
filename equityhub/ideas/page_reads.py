"""The idea page's reads, written in SQL: the idea, its discussion and its themes.

An idea page with 50 comments spent about 1.8 ms of every request in the ORM reading them with
their authors (building the statement, then a comment and a user model for each row), against
0.1 ms for the database, and 1.4 ms more on the idea (docs/decisions/0008). So the idea is a
model made from short hand-written statements (the rules and the forms expect one), and the
comments are plain rows that carry their author's name (`CommentRow`, which the rules read as
they read a Comment).

The API's discussion (`selectors.idea_threads()`) uses the ORM; both show a viewer the same
comments, by `shown_comments()`.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import Q

from equityhub.core.i18n import choice_labels
from equityhub.core.sql import ModelColumns, aware, placeholders
from equityhub.ideas import listing, rules
from equityhub.ideas.listing import CAMPAIGNS, IDEA_THEMES, IDEAS, THEMES, USERS, ThemeRow
from equityhub.ideas.models import (
    Comment,
    CommentState,
    Idea,
    Status,
    StatusChange,
    public_display_name,
)

COMMENTS = Comment._meta.db_table
MAX_ID = 2**63 - 1
_IDEA = ModelColumns(Idea, "i")


def idea(pk: int) -> Idea | None:
    """The idea with its campaign, and its author's name as `author_display_name` and
    `author_email` (None when the account is gone), in one statement; None if there is none."""
    if not 0 < pk <= MAX_ID:
        return None  # as the ORM answers an id no column can hold, rather than failing
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {_IDEA.sql}, {listing.CAMPAIGN.sql}, u.display_name, u.email"  # noqa: S608
            f" FROM {IDEAS} i JOIN {CAMPAIGNS} c ON c.id = i.campaign_id"
            f" LEFT JOIN {USERS} u ON u.id = i.author_id WHERE i.id = %s",
            [pk],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    found = _IDEA.instance(row)
    found.campaign = listing.CAMPAIGN.instance(row, start=len(_IDEA.fields))
    # What `author_name()` reads; no field of Idea's own.
    vars(found).update(zip(("author_display_name", "author_email"), row[-2:], strict=True))
    return found


@dataclass(slots=True)
class CommentRow:
    """A comment as the idea page reads it: what the template and the rules look at, and its
    author's name (None for both when the account is gone)."""

    pk: int
    parent_id: int | None
    author_id: int | None
    body_html: str
    state: str
    is_official_answer: bool
    edited_at: datetime | None
    created_at: datetime
    show_name: bool
    author_display_name: str | None
    author_email: str | None
    idea: Idea


@dataclass(frozen=True, slots=True)
class Thread[C: (Comment, CommentRow)]:
    comment: C
    replies: list[C]


@dataclass(frozen=True, slots=True)
class Shown:
    """Which comments of an idea a viewer sees: `states` (None for every state), and also the
    pending ones of `own_pending_author` (a member sees theirs while they wait for review)."""

    states: tuple[str, ...] | None
    own_pending_author: int | None = None

    def as_q(self) -> Q:
        if self.states is None:
            return Q()
        shown = Q(state__in=self.states)
        if self.own_pending_author is not None:
            shown |= Q(author_id=self.own_pending_author, state=CommentState.PENDING)
        return shown

    def as_sql(self) -> tuple[str, list[Any]]:
        if self.states is None:
            return "1 = 1", []
        sql, params = f"c.state IN ({placeholders(self.states)})", list[Any](self.states)
        if self.own_pending_author is not None:
            sql = f"({sql} OR (c.author_id = %s AND c.state = %s))"
            params += [self.own_pending_author, CommentState.PENDING]
        return sql, params


def shown_comments(viewer: Any) -> Shown:
    """Moderators see every comment; everyone else published ones and a "removed" line where
    one was."""
    if rules.is_moderator(viewer):
        return Shown(states=None)
    own = viewer.pk if rules.is_member(viewer) else None
    return Shown(states=(CommentState.PUBLISHED, CommentState.REMOVED), own_pending_author=own)


def as_threads[C: (Comment, CommentRow)](comments: Iterable[C]) -> list[Thread[C]]:
    """Comments (oldest first) as threads: each top-level comment with its replies."""
    replies: dict[int, list[C]] = {}
    tops: list[C] = []
    for comment in comments:
        if comment.parent_id is None:
            tops.append(comment)
        else:
            replies.setdefault(comment.parent_id, []).append(comment)
    return [Thread(comment=top, replies=replies.get(top.pk, [])) for top in tops]


def discussion(*, idea: Idea, viewer: Any) -> list[Thread[CommentRow]]:
    """The idea's discussion as threads of `CommentRow`s, in one statement."""
    shown, params = shown_comments(viewer).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.id, c.parent_id, c.author_id, c.body_html, c.state,"  # noqa: S608
            " c.is_official_answer, c.edited_at, c.created_at, c.show_name,"
            f" u.display_name, u.email FROM {COMMENTS} c LEFT JOIN {USERS} u"
            f" ON u.id = c.author_id WHERE c.idea_id = %s AND {shown}"
            " ORDER BY c.created_at, c.id",
            [idea.pk, *params],
        )
        return as_threads(
            CommentRow(
                pk,
                parent_id,
                author_id,
                body_html,
                state,
                bool(is_official_answer),
                aware(edited_at) if edited_at is not None else None,
                aware(created_at),
                bool(show_name),
                display_name,
                email,
                idea,
            )
            for (
                pk,
                parent_id,
                author_id,
                body_html,
                state,
                is_official_answer,
                edited_at,
                created_at,
                show_name,
                display_name,
                email,
            ) in cursor.fetchall()
        )


def author_name(viewer: Any, item: "Idea | CommentRow") -> str:
    """The name shown on an idea read by `idea()` or a comment read by `discussion()`: the
    public one, or the real one for those allowed to see past "A member"."""
    display_name: str | None = getattr(item, "author_display_name", None)
    if item.author_id is not None and rules.can_see_author(viewer, item):
        return display_name or getattr(item, "author_email", None) or ""
    return public_display_name(display_name, show_name=item.show_name)


class HistoryRow(NamedTuple):
    """One step of the idea's history, with its actor's name (None for both when nobody acted
    or the account is gone)."""

    to_status: str
    reason: str
    created_at: datetime
    actor_id: int | None
    actor_display_name: str | None
    actor_email: str | None

    @property
    def to_status_label(self) -> str:
        return choice_labels(Status).get(self.to_status, "")


def timeline(idea: Idea) -> list[HistoryRow]:
    """The idea's history, oldest first."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.to_status, s.reason, s.created_at, s.actor_id, u.display_name, u.email"  # noqa: S608
            f" FROM {StatusChange._meta.db_table} s LEFT JOIN {USERS} u ON u.id = s.actor_id"
            " WHERE s.idea_id = %s ORDER BY s.created_at, s.id",
            [idea.pk],
        )
        return [
            HistoryRow(status, reason, aware(created_at), actor_id, display_name, email)
            for status, reason, created_at, actor_id, display_name, email in cursor.fetchall()
        ]


def idea_themes(idea: Idea) -> list[ThemeRow]:
    """The idea's themes, in the order pages list them."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT t.id, t.slug, t.name_en, t.name_cy FROM {THEMES} t"  # noqa: S608
            f" JOIN {IDEA_THEMES} it ON it.theme_id = t.id WHERE it.idea_id = %s"
            " ORDER BY t.position, t.slug",
            [idea.pk],
        )
        return [ThemeRow(*row) for row in cursor.fetchall()]
