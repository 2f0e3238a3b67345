"""How moderation acts on content it does not own.

Each content app registers its moderated models with a `Moderated` adapter in its
AppConfig.ready(). The adapter says how to describe a piece of content in the queue and how to
change its visibility; the content app's own services do the work, so its invariants (counts,
search, history) hold whichever way a change arrives.
"""

from dataclasses import dataclass
from typing import Any, Protocol

from django.db.models import Model


class Moderated(Protocol):
    kind: Any  # a translatable label, such as _("Idea")

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


def register(model: type[Model], adapter: Moderated) -> None:
    _registry[model] = adapter


def adapter_for(model: type[Model]) -> Moderated:
    try:
        return _registry[model]
    except KeyError:
        raise LookupError(f"{model._meta.label} is not registered for moderation") from None


def registered_models() -> tuple[type[Model], ...]:
    return tuple(_registry)
