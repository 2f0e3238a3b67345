"""The registry names each kind of content by a short key, as moderation addresses use it."""

from equityhub.ideas.models import Comment, Idea
from equityhub.moderation.registry import kind_key, model_for_kind


def test_kinds_resolve_to_registered_models_only() -> None:
    assert (kind_key(Idea), kind_key(Comment)) == ("idea", "comment")
    assert model_for_kind("idea") is Idea
    assert model_for_kind("comment") is Comment
    assert model_for_kind("user") is None
