"""The two full-text engines behind `search()`; both return (kind, title, url, snippet) rows."""

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet

if TYPE_CHECKING:
    from equityhub.core.models import SearchDocument

Row = tuple[str, str, str, str]
# A SELECT of ids, and its parameters.
Statement = tuple[str, Sequence[Any]]
MARK_START, MARK_END = "\x02", "\x03"

# PostgreSQL text search configurations: English is stemmed; Welsh has no stemmer, so it is
# matched word for word.
POSTGRES_CONFIG = {"en": "english", "cy": "simple"}


class SearchBackend(Protocol):
    def search(self, words: list[str], *, language: str, limit: int) -> list[Row]: ...

    def ranked_ids(
        self, words: list[str], *, content_type_id: int, any_word: bool, limit: int
    ) -> list[int]: ...

    def matching_ids(self, words: list[str], *, content_type_id: int) -> list[Statement]: ...


def _fts5_match(
    words: list[str], *, any_word: bool = False, content_type_id: int | None = None
) -> str:
    """An FTS5 query of quoted prefix terms, so user input can never be FTS5 syntax. The words
    are looked for in the title and body only; `content_type_id` keeps to one model's
    documents (the index holds each document's content type, core migration 0006)."""
    joiner = " OR " if any_word else " "
    terms = joiner.join('"' + word.replace('"', '""') + '"*' for word in words)
    match = "{title body}: (" + terms + ")"
    if content_type_id is None:
        return match
    return f'content_type_id: "{int(content_type_id)}" AND {match}'


class SqliteBackend:
    """FTS5 over core_searchdocument (table and triggers made by core's migration 0002)."""

    def search(self, words: list[str], *, language: str, limit: int) -> list[Row]:
        match = _fts5_match(words)
        sql = """
            SELECT d.kind, d.title, d.url,
                   snippet(core_searchdocument_fts, 1, %s, %s, '…', 24)
            FROM core_searchdocument_fts
            JOIN core_searchdocument AS d ON d.id = core_searchdocument_fts.rowid
            WHERE core_searchdocument_fts MATCH %s AND d.language = %s AND d.is_public
            ORDER BY bm25(core_searchdocument_fts, 8.0, 1.0, 0.0)
            LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [MARK_START, MARK_END, match, language, limit])
            return [(kind, title, url, snippet) for kind, title, url, snippet in cursor.fetchall()]

    def ranked_ids(
        self, words: list[str], *, content_type_id: int, any_word: bool, limit: int
    ) -> list[int]:
        """Public objects of one model matching the words in any language, best first."""
        match = _fts5_match(words, any_word=any_word, content_type_id=content_type_id)
        # Each object has a document per language: keep its best-ranked one. bm25() cannot sit
        # inside an aggregate, so the duplicates are dropped here rather than by GROUP BY.
        sql = """
            SELECT d.object_id
            FROM core_searchdocument_fts
            JOIN core_searchdocument AS d ON d.id = core_searchdocument_fts.rowid
            WHERE core_searchdocument_fts MATCH %s AND d.content_type_id = %s AND d.is_public
            ORDER BY bm25(core_searchdocument_fts, 8.0, 1.0, 0.0), d.object_id
            LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, content_type_id, limit * 2])
            ids = dict.fromkeys(object_id for (object_id,) in cursor.fetchall())
            return list(ids)[:limit]

    def matching_ids(self, words: list[str], *, content_type_id: int) -> list[Statement]:
        """A subquery of the ids of public objects of one model matching every word, in no
        order: nothing is ranked, and the caller's query runs it without a round trip."""
        match = _fts5_match(words, content_type_id=content_type_id)
        # CROSS JOIN keeps the FTS match as the outer loop: as a subquery, SQLite would
        # otherwise walk every document of the model and run the match once for each. Each hit
        # is then checked in the small index searchdoc_hit rather than in its row of text,
        # whether or not the database has been ANALYZEd.
        sql = """
            SELECT d.object_id
            FROM core_searchdocument_fts
            CROSS JOIN core_searchdocument AS d INDEXED BY searchdoc_hit
                ON d.id = core_searchdocument_fts.rowid
            WHERE core_searchdocument_fts MATCH %s AND d.content_type_id = %s AND d.is_public
        """
        # A constant statement; the words travel as parameters.
        return [(sql, (match, content_type_id))]


SNIPPET_WORDS = 24
_WORD_PARTS = re.compile(r"\w+")


def _snippet(body: str, parts: list[str]) -> str:
    """About SNIPPET_WORDS words of `body` around the first match, matches marked.

    PostgreSQL's ts_headline would do this, but it drops anything in the text that looks like
    an HTML tag, so a member's literal "<b>" would vanish from the extract.
    """
    prefixes = tuple(part.casefold() for part in parts)

    def mark(match: re.Match[str]) -> str:
        piece = match.group(0)
        return f"{MARK_START}{piece}{MARK_END}" if piece.casefold().startswith(prefixes) else piece

    words = body.split()
    first = next(
        (
            i
            for i, word in enumerate(words)
            if any(p.casefold().startswith(prefixes) for p in _WORD_PARTS.findall(word))
        ),
        0,
    )
    start = max(0, first - SNIPPET_WORDS // 3)
    window = " ".join(words[start : start + SNIPPET_WORDS])
    before = "…" if start else ""
    after = "…" if start + SNIPPET_WORDS < len(words) else ""
    return before + _WORD_PARTS.sub(mark, window) + after


def _word_parts(words: list[str]) -> list[str]:
    # Prefix matching on every part of every word, as FTS5's tokenizer does:
    # "co-production" looks for "co" and "production".
    return [part for word in words for part in _WORD_PARTS.findall(word)]


def _tsquery_terms(parts: list[str], *, any_word: bool = False) -> str:
    """`to_tsquery()`'s text for prefix matches of `parts`: letters and digits only, so that
    a member's input can never be read as query syntax."""
    joiner = " | " if any_word else " & "
    return joiner.join(f"{part}:*" for part in parts)


def _tsquery(parts: list[str], *, config: str, any_word: bool = False) -> SearchQuery:
    return SearchQuery(_tsquery_terms(parts, any_word=any_word), config=config, search_type="raw")


def _in_language(language: str, query: SearchQuery) -> Q:
    """Documents in `language` that match `query`."""
    return Q(language=language, vector=query)


def _model_documents(matching: Q, *, content_type_id: int) -> QuerySet["SearchDocument"]:
    """Public documents of one model that meet `matching`."""
    from equityhub.core.models import SearchDocument

    return SearchDocument.objects.filter(matching, is_public=True, content_type_id=content_type_id)


class PostgresBackend:
    """PostgreSQL full-text search with weighted title and body."""

    def search(self, words: list[str], *, language: str, limit: int) -> list[Row]:
        from equityhub.core.models import SearchDocument

        parts = _word_parts(words)
        if not parts:
            return []
        query = _tsquery(parts, config=POSTGRES_CONFIG.get(language, "simple"))
        documents = (
            SearchDocument.objects.filter(language=language, is_public=True)
            .filter(vector=query)
            .annotate(rank=SearchRank(F("vector"), query))
            .order_by("-rank", "title")[:limit]
        )
        return [(d.kind, d.title, d.url, _snippet(d.body, parts)) for d in documents]

    def ranked_ids(
        self, words: list[str], *, content_type_id: int, any_word: bool, limit: int
    ) -> list[int]:
        """Public objects of one model matching the words in any language, best first."""
        parts = _word_parts(words)
        if not parts:
            return []
        ranks: dict[int, float] = {}
        for language, config in POSTGRES_CONFIG.items():
            query = _tsquery(parts, config=config, any_word=any_word)
            rows = (
                _model_documents(_in_language(language, query), content_type_id=content_type_id)
                .annotate(rank=SearchRank(F("vector"), query))
                .order_by("-rank", "object_id")
                .values_list("object_id", "rank")[:limit]
            )
            for object_id, rank in rows:
                ranks[object_id] = max(rank, ranks.get(object_id, 0.0))
        return sorted(ranks, key=lambda pk: (-ranks[pk], pk))[:limit]

    def matching_ids(self, words: list[str], *, content_type_id: int) -> list[Statement]:
        """A subquery of the ids of public objects of one model matching every word in either
        language, in no order: nothing is ranked, so no row's text is parsed again for a rank.
        One subquery rather than one per language lets PostgreSQL join it to the caller's rows
        instead of testing each row against both. Written in SQL, as SQLite's is: the ORM took
        half a millisecond to compile it on every searched list."""
        parts = _word_parts(words)
        if not parts:
            return []
        terms = _tsquery_terms(parts)
        in_either_language = " OR ".join(
            ["(language = %s AND vector @@ to_tsquery(%s::regconfig, %s))"] * len(POSTGRES_CONFIG)
        )
        sql = (
            "SELECT object_id FROM core_searchdocument"  # noqa: S608
            f" WHERE ({in_either_language}) AND content_type_id = %s AND is_public"
        )
        params = [
            value
            for language, config in POSTGRES_CONFIG.items()
            for value in (language, config, terms)
        ]
        # A constant statement; the words travel as parameters.
        return [(sql, (*params, content_type_id))]
