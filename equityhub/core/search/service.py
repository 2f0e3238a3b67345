"""Answer a query: the engine follows the database (settings.EQUITYHUB_SEARCH_BACKEND)."""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q
from django.db.models.expressions import RawSQL
from django.utils.module_loading import import_string

from equityhub.core.search.backends import (
    SearchBackend,
    Statement,
    _tsquery_terms,
    _word_parts,
)

MAX_RESULTS = 50
# More words than this add nothing a reader needs and only make the query slower.
MAX_WORDS = 12


@dataclass(frozen=True, slots=True)
class SearchResult:
    kind: str
    title: str
    url: str
    # A short extract with the matched words between \x02 and \x03, for the template to mark.
    snippet: str


@lru_cache(maxsize=1)
def _backend() -> SearchBackend:
    backend_class: type[SearchBackend] = import_string(settings.EQUITYHUB_SEARCH_BACKEND)
    return backend_class()


def _words(query: str) -> list[str]:
    # Control characters (a NUL ends an FTS5 string early) are never part of a word.
    printable = "".join(ch if ch.isprintable() else " " for ch in query)
    return [word for word in printable.split() if any(ch.isalnum() for ch in word)][:MAX_WORDS]


def ranked_ids(
    model: type[Model], query: str, *, any_word: bool = False, limit: int = 1000
) -> list[int]:
    """Primary keys of public `model` rows matching `query` in English or Welsh, best first.

    With `any_word`, rows matching some of the words count too (for "similar ideas" while a
    member types); otherwise every word must match, as in site search.
    """
    words = _words(query)
    if not words:
        return []
    content_type_id = ContentType.objects.get_for_model(model).pk
    return _backend().ranked_ids(
        words, content_type_id=content_type_id, any_word=any_word, limit=limit
    )


def matching(model: type[Model], query: str) -> Q:
    """A filter for the public `model` rows matching every word of `query`, in English or
    Welsh, for a queryset of `model` that has its own order (a list sorted by date, say).

    Unlike `ranked_ids()`, nothing is ranked and no ids travel through Python: the match is
    a subquery of the caller's query.
    """
    return matching_any(matching_statements(model, query))


def matching_any(statements: Sequence[Statement]) -> Q:
    """A filter for the rows whose id one of `statements` (SELECTs of ids) returns; none when
    there are no statements."""
    if not statements:
        return Q(pk__in=[])
    found = Q()
    for sql, params in statements:
        found |= Q(pk__in=RawSQL(sql, params))  # noqa: S611 (statements of this package)
    return found


def tsquery_text(query: str) -> str | None:
    """The words of `query` as PostgreSQL `to_tsquery()` text that every word must match, each
    as a prefix, as site search matches them; None when no word is left. For a model that
    PostgreSQL searches through a text index of its own."""
    parts = _word_parts(_words(query))
    return _tsquery_terms(parts) if parts else None


def matching_statements(model: type[Model], query: str) -> list[Statement]:
    """`matching()` for a statement written in SQL: SELECTs of the matching ids, with their
    parameters; a row matches if any of them returns its id. Empty when the query has no word."""
    words = _words(query)
    if not words:
        return []
    content_type_id = ContentType.objects.get_for_model(model).pk
    return _backend().matching_ids(words, content_type_id=content_type_id)


def search(query: str, *, language: str, limit: int = MAX_RESULTS) -> list[SearchResult]:
    """Public documents in `language` that match every word of `query`, best first.

    Each word matches as a prefix ("therap" finds "therapists"). Words without a letter or
    digit ("-", "*", a lone quote) are dropped: no engine could match them. Whatever the
    query holds, it is searched for as text and never read as engine syntax.
    """
    words = _words(query)
    if not words:
        return []
    rows = _backend().search(words, language=language, limit=limit)
    return [
        SearchResult(kind=kind, title=title, url=url, snippet=snippet)
        for kind, title, url, snippet in rows
    ]
