"""How moderation acts on content it does not own.

Each content app registers its moderated models with a `Moderated` adapter in its
AppConfig.ready(). The adapter says how to describe a piece of content in the queue and how to
change its visibility; the content app's own services do the work, so its invariants (counts,
search, history) hold whichever way a change arrives.
"""

from dataclasses import dataclass
from typing import Any, Protocol

from django.db.models import Model, QuerySet


class Moderated(Protocol):
    kind: Any  # a translatable label, such as _("Idea")
    # Relations the methods below read, joined in when the queue loads many rows at once.
    related: tuple[str, ...]

    def title(self, obj: Any) -> str: ...

    def excerpt(self, obj: Any) -> str: ...

    def url(self, obj: Any) -> str: ...

    def author(self, obj: Any) -> Any: ...

    def is_visible(self, obj: Any) -> bool: ...

    def hold(self, obj: Any) -> None:
        """Keep new content out of public view until a moderator decides (no audit entry)."""

    def hide(self, obj: Any, *, actor: Any, reason: str) -> None: ...

    def restore(self, obj: Any, *, actor: Any, reason: str) -> None: ...

    def approve(self, obj: Any, *, actor: Any) -> None: ...

    def reject(self, obj: Any, *, actor: Any, reason: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Registration:
    model: type[Model]
    adapter: Moderated


_registry: dict[type[Model], Moderated] = {}
# Each model is also known by a short key, its model name ("idea", "comment"), which is how
# addresses such as /moderation/report/idea/12/ name the kind of content without importing it.
_by_key: dict[str, type[Model]] = {}


def register(model: type[Model], adapter: Moderated) -> None:
    _registry[model] = adapter
    _by_key[kind_key(model)] = model


def kind_key(model: type[Model]) -> str:
    return str(model._meta.model_name)


def model_for_kind(key: str) -> type[Model] | None:
    """The registered model a URL's kind names, or None for anything else."""
    return _by_key.get(key)


def content_queryset(model: type[Model]) -> QuerySet[Any]:
    """The registered model's rows with what its adapter reads joined in (queue and case pages
    describe them), so each page costs one query per kind of content, however many rows."""
    return model._default_manager.select_related(*adapter_for(model).related)


def adapter_for(model: type[Model]) -> Moderated:
    try:
        return _registry[model]
    except KeyError:
        raise LookupError(f"{model._meta.label} is not registered for moderation") from None


def registered_models() -> tuple[type[Model], ...]:
    return tuple(_registry)
