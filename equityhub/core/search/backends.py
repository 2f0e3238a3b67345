"""The two full-text engines behind `search()`; both return (kind, title, url, snippet) rows."""

from typing import Protocol

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection

Row = tuple[str, str, str, str]
MARK_START, MARK_END = "\x02", "\x03"

# PostgreSQL text search configurations: English is stemmed; Welsh has no stemmer, so it is
# matched word for word.
POSTGRES_CONFIG = {"en": "english", "cy": "simple"}


class SearchBackend(Protocol):
    def search(self, words: list[str], *, language: str, limit: int) -> list[Row]: ...


class SqliteBackend:
    """FTS5 over core_searchdocument (table and triggers made by core's migration 0002)."""

    def search(self, words: list[str], *, language: str, limit: int) -> list[Row]:
        # Each word becomes a quoted prefix term, so user input can never be FTS5 syntax.
        match = " ".join('"' + word.replace('"', '""') + '"*' for word in words)
        sql = """
            SELECT d.kind, d.title, d.url,
                   snippet(core_searchdocument_fts, 1, %s, %s, '…', 24)
            FROM core_searchdocument_fts
            JOIN core_searchdocument AS d ON d.id = core_searchdocument_fts.rowid
            WHERE core_searchdocument_fts MATCH %s AND d.language = %s AND d.is_public
            ORDER BY bm25(core_searchdocument_fts, 8.0, 1.0)
            LIMIT %s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [MARK_START, MARK_END, match, language, limit])
            return [(kind, title, url, snippet) for kind, title, url, snippet in cursor.fetchall()]


class PostgresBackend:
    """PostgreSQL full-text search with weighted title and body."""

    def search(self, words: list[str], *, language: str, limit: int) -> list[Row]:
        from equityhub.core.models import SearchDocument

        config = POSTGRES_CONFIG.get(language, "simple")
        # Prefix matching on every word, as the SQLite engine does.
        terms = " & ".join(
            "".join(ch for ch in word if ch.isalnum()) + ":*"
            for word in words
            if any(ch.isalnum() for ch in word)
        )
        if not terms:
            return []
        query = SearchQuery(terms, config=config, search_type="raw")
        vector = SearchVector("title", weight="A", config=config) + SearchVector(
            "body", weight="B", config=config
        )
        documents = (
            SearchDocument.objects.filter(language=language, is_public=True)
            .annotate(document=vector)
            .filter(document=query)
            .annotate(rank=SearchRank(vector, query))
            .annotate(
                snippet=SearchHeadline(
                    "body",
                    query,
                    config=config,
                    start_sel=MARK_START,
                    stop_sel=MARK_END,
                    max_words=24,
                    min_words=8,
                )
            )
            .order_by("-rank", "title")[:limit]
        )
        return [(d.kind, d.title, d.url, d.snippet) for d in documents]
