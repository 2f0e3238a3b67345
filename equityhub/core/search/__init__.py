"""Site search: one interface, two engines (SQLite FTS5, PostgreSQL full-text search).

Apps describe their searchable models with `register()`; `search()` answers a query in one
language. See docs/decisions/0003-search.md.
"""

from equityhub.core.search.backends import Statement
from equityhub.core.search.registry import SearchableText, register, reindex_all
from equityhub.core.search.service import (
    SearchResult,
    matching,
    matching_any,
    matching_statements,
    ranked_ids,
    search,
    tsquery_text,
)

__all__ = [
    "SearchResult",
    "SearchableText",
    "Statement",
    "matching",
    "matching_any",
    "matching_statements",
    "ranked_ids",
    "register",
    "reindex_all",
    "search",
    "tsquery_text",
]
