from django.contrib.auth.models import AnonymousUser

from equityhub.ideas import selectors
from equityhub.ideas.models import CommentState
from equityhub.ideas.tests.factories import CommentFactory, IdeaFactory


def _shown(idea, viewer):
    threads = selectors.idea_threads(idea=idea, viewer=viewer)
    return {thread.comment.body for thread in threads}


def test_visitors_never_see_comments_awaiting_review(db):
    idea = IdeaFactory()
    CommentFactory(idea=idea, body="Published words.")
    CommentFactory(idea=idea, body="Held words.", state=CommentState.PENDING)
    # Held, and its author has since deleted their account.
    CommentFactory(idea=idea, body="Orphaned held words.", author=None, state=CommentState.PENDING)

    assert _shown(idea, AnonymousUser()) == {"Published words."}


def test_members_see_their_own_comment_awaiting_review_only(member, other_member):
    idea = IdeaFactory()
    CommentFactory(idea=idea, author=member, body="Mine, held.", state=CommentState.PENDING)
    CommentFactory(idea=idea, author=other_member, body="Theirs, held.", state=CommentState.PENDING)

    assert _shown(idea, member) == {"Mine, held."}
