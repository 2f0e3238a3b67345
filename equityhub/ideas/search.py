"""Ideas and their comments in the site search.

An idea is written in one language, so its documents in English and in Welsh hold the same
text; each engine indexes it both ways, and a search in either language finds it.
"""

from collections.abc import Iterable

from django.db.models import Model
from django.utils.translation import gettext as _

from equityhub.campaigns.search import plain_text
from equityhub.core.search import SearchableText, register
from equityhub.ideas.models import Comment, CommentState, Idea


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
