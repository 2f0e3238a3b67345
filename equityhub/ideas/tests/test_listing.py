"""The web list's statements in SQL (listing.py) against the ORM's list (selectors._listed),
which the API, the feed and the export use: the same ideas, in the same order, every time."""

from datetime import timedelta

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from equityhub.accounts.tests.factories import UserFactory
from equityhub.ideas import listing, selectors
from equityhub.ideas.models import Language, Level, Status
from equityhub.ideas.search import matching_condition, matching_ideas
from equityhub.ideas.selectors import IdeaFilters, Sort
from equityhub.ideas.tests.factories import IdeaFactory, ThemeFactory, current_campaign

SORTS = [Sort.NEWEST, Sort.SUPPORTED, Sort.DISCUSSED, Sort.ACTIVE, Sort.RANDOM]
WORDS = ["housing", "tai", "school", "fair", "nothing-like-this"]
PER_PAGE = 4


@pytest.fixture
def ideas(db):
    """Ideas that differ in everything the list filters and sorts on, with ties to break."""
    themes = [ThemeFactory.create(slug=slug) for slug in ("housing", "education", "employment")]
    now = timezone.now()
    # Every status but "merged", which needs a second idea, and more of the public ones.
    statuses = [s for s in Status.values if s != Status.MERGED] + [Status.PUBLISHED] * 3
    made = []
    for n in range(24):
        status = statuses[n % len(statuses)]
        idea = IdeaFactory.create(
            title=["Fair housing", "Tai teg i bawb", "School visits", "Fair work"][n % 4],
            level=Level.values[n % 4],
            language=Language.WELSH if n % 3 == 0 else Language.ENGLISH,
            status=status,
            status_reason="Outside our remit." if status == Status.NOT_TAKEN_FORWARD else "",
            support_count=n % 5,
            comment_count=n % 3,
            last_activity_at=now - timedelta(hours=n % 6),
            themes=themes[: n % 4],
        )
        # Some ideas share a creation time, so the id must settle their order.
        IdeaFactory._meta.model.objects.filter(pk=idea.pk).update(
            created_at=now - timedelta(days=n % 7)
        )
        made.append(idea)
    return made


def _sql_ids(filters: IdeaFilters) -> tuple[list[int], int]:
    first = listing.card_page(filters, number=1, per_page=PER_PAGE)
    ids = [row.pk for row in first.object_list]
    for number in range(2, first.paginator.num_pages + 1):
        page = listing.card_page(filters, number=number, per_page=PER_PAGE)
        ids += [row.pk for row in page.object_list]
    return ids, first.paginator.count


filters_strategy = st.fixed_dictionaries(
    {
        "levels": st.lists(st.sampled_from(Level.values), unique=True, max_size=2),
        "themes": st.lists(
            st.sampled_from(["housing", "education", "employment", "unknown"]),
            unique=True,
            max_size=2,
        ),
        "statuses": st.lists(st.sampled_from(Status.values), unique=True, max_size=3),
        "languages": st.lists(st.sampled_from(Language.values), unique=True, max_size=1),
        "query": st.sampled_from(["", *WORDS, "fair housing", "--"]),
        "sort": st.sampled_from(SORTS),
        "seed": st.integers(min_value=1, max_value=selectors.RANDOM_MODULUS - 1),
    }
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=filters_strategy)
def test_the_web_list_shows_what_the_api_and_feed_list_in_the_same_order(ideas, chosen):
    filters = IdeaFilters(
        campaign=current_campaign(),
        levels=tuple(chosen["levels"]),
        themes=tuple(chosen["themes"]),
        statuses=tuple(chosen["statuses"]),
        languages=tuple(chosen["languages"]),
        query=chosen["query"],
        sort=chosen["sort"],
        seed=chosen["seed"],
    )
    expected = list(selectors.idea_list(filters).values_list("pk", flat=True))

    ids, count = _sql_ids(filters)

    assert ids == expected
    assert count == len(expected)


def test_a_card_row_carries_what_the_card_shows(db):
    themes = [ThemeFactory.create(slug="housing"), ThemeFactory.create(slug="education")]
    author = UserFactory.create(display_name="Alys Evans")
    idea = IdeaFactory.create(
        title="Occupational therapy in every school", author=author, themes=themes
    )
    filters = IdeaFilters(campaign=current_campaign(), query="school")

    (row,) = listing.card_page(filters, number=1, per_page=20).object_list

    assert row.pk == idea.pk
    assert row.title == idea.title
    assert row.author_name == "Alys Evans"
    assert row.show_name is True
    assert set(row.theme_ids.split(",")) == {str(theme.pk) for theme in themes}
    assert row.created_at == idea.created_at


@pytest.mark.parametrize("query", ["", "fair"])
@pytest.mark.parametrize(
    "number", [None, "1", "2", "999", "0", "-3", "two", "2.5", "99999999999999999999999"]
)
def test_a_page_is_the_one_django_paginator_would_choose(ideas, query, number):
    """A number past the last page shows the last, one that is not a number the first."""
    filters = IdeaFilters(campaign=current_campaign(), query=query)
    expected_ids = list(selectors.idea_list(filters).values_list("pk", flat=True))
    expected = Paginator(expected_ids, PER_PAGE).get_page(number)

    page = listing.card_page(filters, number=number, per_page=PER_PAGE)

    assert page.number == expected.number
    assert page.paginator.count == len(expected_ids)
    assert [row.pk for row in page.object_list] == list(expected.object_list)


def test_a_search_that_matches_nothing_is_one_empty_page(ideas):
    filters = IdeaFilters(campaign=current_campaign(), query="nothing-like-this")

    page = listing.card_page(filters, number="3", per_page=PER_PAGE)

    assert (page.number, page.paginator.count, list(page.object_list)) == (1, 0, [])


def test_on_postgresql_a_searched_list_reads_the_index_of_ideas_text(ideas):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite searches the site's FTS5 index")
    [(ids_sql, ids_params)] = matching_ideas("fair housing")
    condition, condition_params = matching_condition("fair housing", "i")
    statements = [
        (ids_sql, ids_params),  # the ORM's list, then the page's condition
        (f"SELECT i.id FROM ideas_idea i WHERE {condition}", condition_params),  # noqa: S608
    ]
    with connection.cursor() as cursor:
        # A test's few ideas fit in a page, which PostgreSQL would rather read whole: this asks
        # whether the index can answer at all, which it can only if the statement repeats the
        # indexed expression exactly (ideas migration 0007).
        cursor.execute("SET LOCAL enable_seqscan = off")
        for sql, params in statements:
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(line for (line,) in cursor.fetchall())
            assert "idea_text_search" in plan
    assert {
        row.pk
        for row in listing.card_page(
            IdeaFilters(campaign=ideas[0].campaign, query="fair housing"), number=1, per_page=50
        ).object_list
    } == {idea.pk for idea in ideas if idea.title == "Fair housing" and idea.is_public}


def test_the_campaign_comes_with_every_theme_in_the_order_pages_list_them(db):
    campaign = current_campaign()
    ThemeFactory.create(slug="housing", position=2, name_en="Housing", name_cy="Tai")
    ThemeFactory.create(slug="education", position=2, name_en="Education", name_cy=None)
    ThemeFactory.create(slug="workforce", position=1, name_en="Workforce", name_cy="Gweithlu")

    found, themes = listing.campaign_and_themes()

    assert found == campaign
    assert themes == [
        listing.ThemeRow(theme.pk, theme.slug, theme.name_en, theme.name_cy)
        for theme in selectors.theme_list()
    ]
    assert [theme.slug for theme in themes] == ["workforce", "education", "housing"]


def test_no_campaign_comes_with_no_themes(db):
    current_campaign()
    ThemeFactory.create()

    assert listing.campaign_and_themes("no-such-campaign") == (None, [])
