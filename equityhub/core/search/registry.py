"""Which models are searchable, and how their rows become SearchDocuments."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils import translation

if TYPE_CHECKING:
    from equityhub.core.models import SearchDocument


@dataclass(frozen=True, slots=True)
class SearchableText:
    kind: str
    title: str
    body: str
    url: str
    is_public: bool = True


# For each registered model: a function that describes one row in the active language.
Describe = Callable[[Any], SearchableText]
# For each registered model: the other indexed rows whose documents depend on one row (a
# campaign's FAQs are hidden with it when it is unpublished), re-indexed whenever it is saved.
Dependents = Callable[[Any], Iterable[Model]]
_registry: dict[type[Model], Describe] = {}
_dependents: dict[type[Model], Dependents] = {}


def register(
    model: type[Model], describe: Describe, *, dependents: Dependents | None = None
) -> None:
    """Make `model` searchable. `describe` is called once per language, that language active.

    Rows are indexed when saved and forgotten when deleted, wherever the write comes from
    (a service, the admin, the demo loader), so the index cannot drift from the data.
    Queryset `.update()` sends no signal: code that updates indexed text in bulk calls
    `index_object()` itself.
    """
    _registry[model] = describe
    if dependents is not None:
        _dependents[model] = dependents
    post_save.connect(_on_save, sender=model, dispatch_uid=f"search-save-{model._meta.label}")
    post_delete.connect(_on_delete, sender=model, dispatch_uid=f"search-del-{model._meta.label}")


def registered_models() -> Iterable[type[Model]]:
    return tuple(_registry)


def _document_fields(obj: Model, language: str) -> dict[str, Any]:
    with translation.override(language):
        text = _registry[type(obj)](obj)
    return {
        "kind": str(text.kind),
        "title": text.title[:300],
        "body": text.body,
        "url": text.url[:500],
        "is_public": text.is_public,
    }


def index_object(obj: Model) -> None:
    from equityhub.core.models import SearchDocument

    content_type = ContentType.objects.get_for_model(obj)
    for language, _name in settings.LANGUAGES:
        SearchDocument.objects.update_or_create(
            content_type=content_type,
            object_id=obj.pk,
            language=language,
            defaults=_document_fields(obj, language),
        )


def unsaved_documents(obj: Model) -> list["SearchDocument"]:
    """The documents index_object() would store for `obj`, unsaved: for bulk_create() when
    loading many new rows at once (the SQLite triggers and PostgreSQL indexes keep up)."""
    from equityhub.core.models import SearchDocument

    content_type = ContentType.objects.get_for_model(obj)
    return [
        SearchDocument(
            content_type=content_type,
            object_id=obj.pk,
            language=language,
            **_document_fields(obj, language),
        )
        for language, _name in settings.LANGUAGES
    ]


def forget_object(obj: Model) -> None:
    from equityhub.core.models import SearchDocument

    SearchDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).delete()


def reindex_all() -> int:
    """Rebuild every document; returns how many objects were indexed."""
    count = 0
    with transaction.atomic():
        for model in _registry:
            for obj in model._default_manager.all().iterator():
                index_object(obj)
                count += 1
    return count


def _on_save(sender: type[Model], instance: Model, raw: bool = False, **kwargs: object) -> None:
    if raw:
        return
    index_object(instance)
    dependents = _dependents.get(type(instance))
    if dependents is not None:
        for dependent in dependents(instance):
            if type(dependent) in _registry:
                index_object(dependent)


def _on_delete(sender: type[Model], instance: Model, **kwargs: object) -> None:
    forget_object(instance)
