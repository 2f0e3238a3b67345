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

# On PostgreSQL the ideas list matches an idea's own title and description, in English and as
# plain words (for Welsh), through an index of this expression (ideas migration 0007). The
# site's documents hold every kind of text: "housing" is in thousands of them, mostly comments,
# and finding the ideas among them cost five times as much (decision 0009). A statement uses
# the index only if it repeats the expression exactly.
IDEA_TEXT = (
    "(to_tsvector('english'::regconfig, title || ' ' || body)"
    " || to_tsvector('simple'::regconfig, title || ' ' || body))"
)


def matching_ideas(query: str) -> list[Statement]:
    """SELECTs of the ids of ideas matching every word of `query` in English or Welsh, for the
    list (its page in SQL, its API, feed and export through the ORM); an idea matches if any
    of them returns its id. Empty when the query has no word.

    SQLite matches the site's search documents, whose FTS5 index keeps each one's model.
    """
    if connection.vendor != "postgresql":
        return matching_statements(Idea, query)
    terms = tsquery_text(query)
    if terms is None:
        return []
    sql = (
        f"SELECT id FROM {Idea._meta.db_table} WHERE {IDEA_TEXT}"  # noqa: S608
        " @@ (to_tsquery('english'::regconfig, %s) || to_tsquery('simple'::regconfig, %s))"
    )
    return [(sql, (terms, terms))]


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
