"""Ideas and their comments in the site search, and the ideas list's own search.

An idea is written in one language, so its documents in English and in Welsh hold the same
text; each engine indexes it both ways, and a search in either language finds it.
"""

from collections.abc import Iterable

from django.db import connection
from django.db.models import Model
from django.utils.translation import gettext as _

from equityhub.campaigns.search import plain_text
from equityhub.core.search import (
    SearchableText,
    Statement,
    matching_statements,
    register,
    tsquery_text,
)
from equityhub.ideas.models import Comment, CommentState, Idea

IDEAS = Idea._meta.db_table


# On PostgreSQL the ideas list matches an idea's own title and description, in English and as
# plain words (for Welsh), through an index of this expression (ideas migration 0007). The
# site's documents hold every kind of text: "housing" is in thousands of them, mostly comments,
# and finding the ideas among them cost five times as much (decision 0009). A statement uses
# the index only if it repeats the expression exactly.
def _idea_text(table: str) -> str:
    return (
        f"(to_tsvector('english'::regconfig, {table}.title || ' ' || {table}.body)"
        f" || to_tsvector('simple'::regconfig, {table}.title || ' ' || {table}.body))"
    )


IDEA_TEXT = _idea_text(IDEAS)
_WORDS = "(to_tsquery('english'::regconfig, %s) || to_tsquery('simple'::regconfig, %s))"
NOTHING: Statement = ("1 = 0", ())


def matching_ideas(query: str) -> list[Statement]:
    """SELECTs of the ids of ideas matching every word of `query` in English or Welsh, for the
    list read through the ORM (its API, feed and export); an idea matches if any of them
    returns its id. Empty when the query has no word.

    SQLite matches the site's search documents, whose FTS5 index keeps each one's model.
    """
    if connection.vendor != "postgresql":
        return matching_statements(Idea, query)
    match = _own_text_match(query, IDEAS)
    if match is None:
        return []
    condition, params = match
    return [(f"SELECT id FROM {IDEAS} WHERE {condition}", params)]  # noqa: S608


def matching_condition(query: str, table: str) -> Statement:
    """The condition, on the ideas named `table` in a statement, that an idea matches every
    word of `query`, as the list's page in SQL asks it (`ideas.listing`); never true when the
    query has no word.

    On PostgreSQL it tests the idea's own text, so that the planner can combine the text index
    with the list's index of campaigns and statuses (a third of the search's time, decision
    0009). On SQLite it asks for the ids of the matching search documents.
    """
    if connection.vendor == "postgresql":
        return _own_text_match(query, table) or NOTHING
    statements = matching_statements(Idea, query)
    if not statements:
        return NOTHING
    condition = " OR ".join(f"{table}.id IN ({sql})" for sql, _ in statements)
    return f"({condition})", tuple(param for _, params in statements for param in params)


def _own_text_match(query: str, table: str) -> Statement | None:
    """On PostgreSQL, the condition that the text of the ideas named `table` matches every word
    of `query`, through the index of migration 0007; None when the query has no word."""
    terms = tsquery_text(query)
    if terms is None:
        return None
    return f"{_idea_text(table)} @@ {_WORDS}", (terms, terms)


def _idea(idea: Idea) -> SearchableText:
    return SearchableText(
        kind=_("Idea"),
        title=idea.title,
        body=plain_text(idea.body),
        url=idea.get_absolute_url(),
        is_public=idea.is_public,
    )


def _idea_dependents(idea: Idea) -> Iterable[Model]:
    # Comments are found only while their idea is public.
    return idea.comments.all()


def _comment(comment: Comment) -> SearchableText:
    return SearchableText(
        kind=_("Comment"),
        title=_("Comment on “%(title)s”") % {"title": comment.idea.title},
        body=plain_text(comment.body),
        url=comment.get_absolute_url(),
        is_public=comment.state == CommentState.PUBLISHED and comment.idea.is_public,
    )


def register_models() -> None:
    register(Idea, _idea, dependents=_idea_dependents)
    register(Comment, _comment)
