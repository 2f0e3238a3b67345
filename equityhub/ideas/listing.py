"""The web list's reads, written in SQL: its campaign, the themes and a page of idea cards.

The list is the busiest page of the site. With every cache off, the ORM's own work on these
reads (building each statement, resolving its expressions, converting the rows) cost more than
the database's: about 2.5 ms of every request, a third of the page (docs/decisions/0008).
So this module writes them by hand. The page of cards is built from the same `IdeaFilters`
that `selectors._listed()` turns into a queryset for the API, the feed and the export; the
tests hold the two to the same ideas in the same order for every filter and sort.

Table names come from the models; values always travel as parameters.
"""

import json
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from django.core.paginator import Page, Paginator
from django.db import connection

from equityhub.accounts.models import User
from equityhub.campaigns.models import Campaign
from equityhub.core.sql import ModelColumns, aware, placeholders
from equityhub.ideas.models import (
    PUBLIC_STATUSES,
    READABLE_STATUSES,
    Idea,
    IdeaTally,
    Theme,
)
from equityhub.ideas.search import matching_condition

if TYPE_CHECKING:  # selectors imports this module
    from equityhub.ideas.selectors import IdeaFilters


class CardRow(NamedTuple):
    """What an idea card shows (views/cards.py), read in one row."""

    pk: int
    author_id: int | None
    title: str
    language: str
    level: str
    status: str
    show_name: bool
    support_count: int
    comment_count: int
    created_at: datetime
    author_name: str | None  # the author's display name
    theme_ids: str | None  # the idea's theme ids, joined by commas


CAMPAIGNS = Campaign._meta.db_table
IDEAS = Idea._meta.db_table
IDEA_THEMES = Idea.themes.through._meta.db_table
THEMES = Theme._meta.db_table
TALLY = IdeaTally._meta.db_table
USERS = User._meta.db_table

# A random order that is the same for a visitor from page to page: ideas are shuffled by
# ((pk + seed) * a) mod p, a permutation of the ids for each seed, computed in the database.
# `a` is near p divided by the golden ratio, so that ids 1, 2, 3… (and seeds 1, 2, 3…) land
# far apart: with a small `a` the first hundred ideas would keep the order they were posted in.
RANDOM_MULTIPLIER = 618_034
RANDOM_MODULUS = 1_000_003

# The list's orders, newest first among equals, as the ORM names them (`selectors._listed()`,
# and the indexes of `Idea.Meta`); `ORDER_BY` says the same in SQL for the statements here.
ORDERINGS: dict[str, tuple[str, ...]] = {
    "newest": ("-created_at", "-pk"),
    "supported": ("-support_count", "-created_at", "-pk"),
    "discussed": ("-comment_count", "-created_at", "-pk"),
    "active": ("-last_activity_at", "-pk"),
}


def _column(field: str) -> str:
    name = field.lstrip("-")
    return "id" if name == "pk" else name


def _in_sql(fields: tuple[str, ...]) -> str:
    return ", ".join(
        f"i.{_column(name)} {'DESC' if name.startswith('-') else 'ASC'}" for name in fields
    )


ORDER_BY = {sort: _in_sql(fields) for sort, fields in ORDERINGS.items()}
# Every column the orders read (the random one reads only the id), as `i`'s.
SORTED_COLUMNS = ", ".join(
    sorted({f"i.{_column(name)}" for fields in ORDERINGS.values() for name in fields})
)


# Every column of a campaign, as `c`: the list and the idea page make the model from them.
CAMPAIGN = ModelColumns(Campaign, "c")


def campaign(slug: str | None = None) -> Campaign | None:
    """The published campaign named by `slug`, else the current one; None if there is none."""
    condition, params = _campaign_condition(slug)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {CAMPAIGN.sql} FROM {CAMPAIGNS} c WHERE {condition} ORDER BY c.id LIMIT 1",  # noqa: S608
            params,
        )
        row = cursor.fetchone()
    return None if row is None else CAMPAIGN.instance(row)


def _campaign_condition(slug: str | None) -> tuple[str, list[Any]]:
    if slug:
        return "c.is_published AND c.slug = %s", [slug]
    return "c.is_published AND c.is_current", []


class ThemeRow(NamedTuple):
    """A theme as the list's filters and cards name it (`core.i18n.localized()` reads it)."""

    pk: int
    slug: str
    name_en: str | None
    name_cy: str | None


def campaign_and_themes(slug: str | None = None) -> tuple[Campaign | None, list[ThemeRow]]:
    """`campaign(slug)` and every theme, in the order pages list them (`Theme.Meta.ordering`),
    read together: the list needs both before anything else. No campaign, no themes.

    The themes come as one JSON array beside the campaign's columns.
    """
    condition, params = _campaign_condition(slug)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {CAMPAIGN.sql}, {_themes_as_json()} FROM {CAMPAIGNS} c"  # noqa: S608
            f" WHERE {condition} ORDER BY c.id LIMIT 1",
            params,
        )
        row = cursor.fetchone()
    if row is None:
        return None, []
    themes = row[-1]
    if isinstance(themes, str):  # SQLite's JSON is text, and its items are in no order
        themes = sorted(json.loads(themes), key=lambda theme: (theme[4], theme[1]))
    return CAMPAIGN.instance(row), [ThemeRow(*theme[:4]) for theme in themes or ()]


def _themes_as_json() -> str:
    """Every theme as [id, slug, English name, Welsh name], in one JSON array; on SQLite each
    also carries its position, to be sorted by."""
    if connection.vendor == "postgresql":
        item = "json_build_array(t.id, t.slug, t.name_en, t.name_cy)"
        return f"(SELECT json_agg({item} ORDER BY t.position, t.slug) FROM {THEMES} t)"  # noqa: S608
    # SQLite before 3.44 cannot order an aggregate's items: they are sorted once read, as
    # SQLite would have sorted them (by position, then slug, compared as bytes).
    item = "json_array(t.id, t.slug, t.name_en, t.name_cy, t.position)"
    return f"(SELECT json_group_array({item}) FROM {THEMES} t)"  # noqa: S608


def _group_conditions(filters: "IdeaFilters", table: str) -> tuple[list[str], list[Any]]:
    """The conditions on what the ideas table and the tally both hold: the campaign, the
    statuses, the levels and the languages, for the table named `table` in the statement."""
    statuses = [s for s in filters.statuses if s in READABLE_STATUSES] or list(PUBLIC_STATUSES)
    # On SQLite a searched list is driven by its matches: the unary plus keeps SQLite from
    # walking every idea of the campaign in an index's order to test each against them.
    # PostgreSQL plans from its statistics, and the plus would only cost it the index.
    driven_by_matches = filters.query and connection.vendor == "sqlite"
    campaign = f"+{table}.campaign_id" if driven_by_matches else f"{table}.campaign_id"
    conditions = [f"{campaign} = %s", f"{table}.status IN ({placeholders(statuses)})"]
    params: list[Any] = [filters.campaign.pk, *statuses]
    if filters.levels:
        conditions.append(f"{table}.level IN ({placeholders(filters.levels)})")
        params.extend(filters.levels)
    if filters.languages:
        conditions.append(f"{table}.language IN ({placeholders(filters.languages)})")
        params.extend(filters.languages)
    return conditions, params


def _where(filters: "IdeaFilters") -> tuple[str, list[Any]]:
    """The list's conditions, as `selectors._listed()` states them for the ORM."""
    conditions, params = _group_conditions(filters, "i")
    if filters.themes:
        # A subquery, not a join: an idea with two chosen themes is still listed once.
        conditions.append(
            f"i.id IN (SELECT it.idea_id FROM {IDEA_THEMES} it"  # noqa: S608
            f" JOIN {THEMES} t ON t.id = it.theme_id"
            f" WHERE t.slug IN ({placeholders(filters.themes)}))"
        )
        params.extend(filters.themes)
    if filters.query:
        condition, condition_params = matching_condition(filters.query, "i")
        conditions.append(condition)
        params.extend(condition_params)
    return " AND ".join(conditions), params


def _order(filters: "IdeaFilters") -> tuple[str, list[Any]]:
    if filters.sort == "random":
        shuffled = f"((i.id + %s) * {RANDOM_MULTIPLIER}) %% {RANDOM_MODULUS}"
        return f"{shuffled}, i.id", [filters.seed]
    return ORDER_BY.get(filters.sort, ORDER_BY["newest"]), []


def _theme_ids() -> str:
    """Each idea's theme ids joined by commas, in the database's own words."""
    if connection.vendor == "postgresql":
        joined = "string_agg(it.theme_id::text, ',')"
    else:
        joined = "group_concat(it.theme_id, ',')"
    return f"(SELECT {joined} FROM {IDEA_THEMES} it WHERE it.idea_id = i.id)"  # noqa: S608


def _rows_sql(source: str = f"{IDEAS} i", *, extra: str = "") -> str:
    """The SELECT of `CardRow`s, and `extra` columns after them, from the ideas as `i` in
    `source`."""
    return (
        "SELECT i.id, i.author_id, i.title, i.language, i.level, i.status, i.show_name,"  # noqa: S608
        " i.support_count, i.comment_count, i.created_at, u.display_name, "
        + _theme_ids()
        + extra
        + f" FROM {source} LEFT JOIN {USERS} u ON u.id = i.author_id"
    )


def _card_row(values: Sequence[Any]) -> CardRow:
    row = CardRow(*values)
    return row._replace(created_at=aware(row.created_at), show_name=bool(row.show_name))


# A page whose offset a database integer cannot hold is past the last page of any list.
LARGEST_OFFSET = 2**31 - 1


def card_page(filters: "IdeaFilters", *, number: Any, per_page: int) -> Page[Any]:
    """Page `number` of the list as `CardRow`s, as `Paginator.get_page()` chooses it, in one
    statement: each of the page's rows carries the count of the whole list.

    A page past the last has no row to carry the count: then the list is counted and the last
    page read, two statements more.
    """
    where, params = _where(filters)
    statement = _page_statement(filters, where, params)
    with connection.cursor() as cursor:

        def rows_of(page_number: int) -> list[Sequence[Any]]:
            offset = (page_number - 1) * per_page
            cursor.execute(statement.sql, statement.parameters(per_page, offset))
            return cursor.fetchall()

        requested = _positive_int(number) or 1
        in_reach = (requested - 1) * per_page <= LARGEST_OFFSET
        rows = rows_of(requested) if in_reach else []
        if rows:
            count = rows[0][-1]
        elif requested == 1:
            count = 0
        else:
            cursor.execute(*_count(filters, where, params))
            (count,) = cursor.fetchone()
        page: Page[Any] = Paginator(range(count), per_page).get_page(number)
        if page.number != requested:
            rows = rows_of(page.number)
    page.object_list = [_card_row(values[:-1]) for values in rows]
    return page


class PageStatement(NamedTuple):
    """A statement that reads one page: its parameters go before and after the page's LIMIT
    and OFFSET."""

    sql: str
    before: list[Any]
    after: list[Any]

    def parameters(self, limit: int, offset: int) -> list[Any]:
        return [*self.before, limit, offset, *self.after]


def _page_statement(filters: "IdeaFilters", where: str, params: list[Any]) -> PageStatement:
    """A page of `CardRow`s, each followed by the list's count, for the list's conditions
    (`_where()`)."""
    order, order_params = _order(filters)
    if filters.query:
        # The search is the costly part, so its matches are found once, with the columns the
        # orders read, and kept (MATERIALIZED) to be counted and to have the page cut from them.
        # Only the page's rows are then joined to their authors and themes. Inside, the matches
        # are named `i`, so that the list's orders apply to them as written.
        matches = f"SELECT {SORTED_COLUMNS} FROM {IDEAS} i WHERE {where}"  # noqa: S608
        page = f"SELECT i.id FROM matches i ORDER BY {order} LIMIT %s OFFSET %s"  # noqa: S608
        rows = _rows_sql(
            f"({page}) p JOIN {IDEAS} i ON i.id = p.id",
            extra=", (SELECT COUNT(*) FROM matches)",
        )
        return PageStatement(
            f"WITH matches AS MATERIALIZED ({matches}) {rows} ORDER BY {order}",
            before=[*params, *order_params],
            after=order_params,
        )
    # Counted from the tally, or from the ideas' index when themes are chosen, once for the
    # statement; the page is sliced from an index in the list's order.
    count_sql, count_params = _count(filters, where, params)
    return PageStatement(
        _rows_sql(extra=f", ({count_sql})") + f" WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s",
        before=[*count_params, *params, *order_params],
        after=[],
    )


def _count(filters: "IdeaFilters", where: str, params: list[Any]) -> tuple[str, list[Any]]:
    """The statement that counts the list: from the tally (`IdeaTally`) when the list is chosen
    only by what the tally groups ideas by, else from the ideas themselves."""
    if filters.themes or filters.query:
        return f"SELECT COUNT(*) FROM {IDEAS} i WHERE {where}", params  # noqa: S608
    conditions, group_params = _group_conditions(filters, "t")
    return (
        f"SELECT COALESCE(SUM(t.ideas), 0) FROM {TALLY} t WHERE {' AND '.join(conditions)}",  # noqa: S608
        group_params,
    )


def _positive_int(number: Any) -> int | None:
    try:
        whole = int(number)
    except (TypeError, ValueError):
        return None
    return whole if whole >= 1 else None
