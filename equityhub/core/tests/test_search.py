"""Site search on SQLite FTS5: what is found, in which language, and what can never break it.

The PostgreSQL engine answers the same questions in CI (bash .ci/run).
"""

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from equityhub.campaigns.tests.factories import CampaignFactory, FaqFactory, PublicationFactory
from equityhub.core.models import SearchDocument
from equityhub.core.search import reindex_all, search
from equityhub.core.search.backends import MARK_END, MARK_START

# Both engines must behave alike; the few differences are marked test by test.
pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="PostgreSQL matches accents exactly (docs/decisions/0003-search.md)",
)


def urls(query: str, language: str = "en") -> list[str]:
    return [result.url for result in search(query, language=language)]


@pytest.fixture
def campaign():
    return CampaignFactory.create(
        slug="ot-week-2021",
        year=2021,
        title_en="Occupational Therapy Week 2021",
        title_cy="Wythnos Therapi Galwedigaethol 2021",
        summary_en="Occupational therapists tackle health inequalities.",
        summary_cy="Mae therapyddion galwedigaethol yn mynd i'r afael ag anghydraddoldebau iechyd.",
        body_en="A week of events about fairness.",
        body_cy="Wythnos o ddigwyddiadau am degwch a'r ŵyl.",
    )


def test_words_match_as_prefixes(campaign) -> None:
    assert "/campaigns/ot-week-2021/" in urls("therap")
    assert "/campaigns/ot-week-2021/" in urls("inequal")
    assert "/campaigns/ot-week-2021/" in urls("Occupational")


def test_every_word_must_match(campaign) -> None:
    assert "/campaigns/ot-week-2021/" in urls("therapists fairness")
    assert urls("therapists zebra") == []


def test_english_query_on_english_pages_finds_english(campaign) -> None:
    assert urls("fairness") == ["/campaigns/ot-week-2021/"]
    assert urls("anghydraddoldebau") == []


def test_welsh_query_on_welsh_pages_finds_welsh(campaign) -> None:
    assert urls("anghydraddoldebau", language="cy") == ["/cy/campaigns/ot-week-2021/"]
    assert urls("therapyddion", language="cy") == ["/cy/campaigns/ot-week-2021/"]
    assert urls("fairness", language="cy") == []


def test_welsh_pages_find_english_shown_where_welsh_is_missing() -> None:
    CampaignFactory.create(
        slug="untranslated", summary_en="Only in English: kaleidoscope.", summary_cy=""
    )
    assert urls("kaleidoscope", language="cy") == ["/cy/campaigns/untranslated/"]


@sqlite_only
def test_accents_are_optional(campaign) -> None:
    assert urls("ŵyl", language="cy") == ["/cy/campaigns/ot-week-2021/"]
    assert urls("wyl", language="cy") == ["/cy/campaigns/ot-week-2021/"]


def test_search_is_case_insensitive(campaign) -> None:
    assert urls("FAIRNESS") == urls("fairness") == ["/campaigns/ot-week-2021/"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "'",
        "health\"'",
        "*",
        "therap*",
        "-fairness",
        "fairness OR zebra",
        "fairness AND",
        "NOT",
        "NEAR(fairness week)",
        "title:fairness",
        "{title body}: fairness",
        "^fairness",
        "(fairness",
        "fairness)",
        "fair + ness",
        "a:b:c",
        "\x00",
        "\x02fairness\x03",
        "🙂",
        "%",
        "_",
        "\\",
        ";DROP TABLE core_searchdocument;--",
    ],
)
def test_quotes_and_fts5_syntax_are_plain_text(campaign, query: str) -> None:
    results = search(query, language="en")
    assert isinstance(results, list)
    assert SearchDocument.objects.exists()


def test_fts5_operators_are_searched_as_words(campaign) -> None:
    # "OR" is a word to find, not an operator: nothing holds both "zebra" and "or".
    assert urls("fairness OR zebra") == []
    # A query of punctuation alone searches for nothing.
    assert search('" * - ( )', language="en") == []


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=st.text(max_size=60))
def test_no_query_can_break_search(campaign, query: str) -> None:
    assert isinstance(search(query, language="en"), list)
    assert isinstance(search(query, language="cy"), list)


def test_an_empty_query_finds_nothing(campaign) -> None:
    assert search("", language="en") == []
    assert search("   ", language="en") == []


def test_unpublished_campaigns_and_their_faqs_are_not_found(campaign) -> None:
    FaqFactory.create(campaign=campaign, question_en="Where is the xylophone?")
    campaign.is_published = False
    campaign.save()

    assert urls("fairness") == []
    assert urls("xylophone") == []

    campaign.is_published = True
    campaign.save()
    assert urls("fairness") == ["/campaigns/ot-week-2021/"]
    assert len(urls("xylophone")) == 1


def test_a_faq_is_found_and_forgotten_when_deleted(campaign) -> None:
    faq = FaqFactory.create(campaign=campaign, question_en="Where is the xylophone?")
    assert urls("xylophone") == [f"/faqs/?campaign=ot-week-2021#faq-{faq.pk}"]

    faq.delete()

    assert urls("xylophone") == []
    assert not SearchDocument.objects.filter(title__icontains="xylophone").exists()


def test_deleting_a_campaign_forgets_it_and_its_faqs(campaign) -> None:
    FaqFactory.create(campaign=campaign, question_en="Where is the xylophone?")
    campaign.delete()
    assert urls("fairness") == []
    assert urls("xylophone") == []
    assert not SearchDocument.objects.exists()


def test_edits_are_searchable_at_once(campaign) -> None:
    campaign.body_en = "Now about marmalade."
    campaign.save()
    assert urls("marmalade") == ["/campaigns/ot-week-2021/"]
    # "events" was only in the old body.
    assert urls("events") == []


def test_publications_are_found_in_both_languages() -> None:
    PublicationFactory.create(
        slug="roots-of-recovery",
        title_en="Roots of recovery",
        title_cy="",
        summary_en="Occupational therapy at the heart of health equity.",
        summary_cy="Therapi galwedigaethol wrth galon tegwch iechyd.",
    )
    assert urls("roots") == ["/publications/roots-of-recovery/"]
    assert urls("tegwch", language="cy") == ["/cy/publications/roots-of-recovery/"]
    # The English title stands in for the missing Welsh one.
    assert urls("roots", language="cy") == ["/cy/publications/roots-of-recovery/"]


def test_snippets_mark_the_matched_words(campaign) -> None:
    (result,) = search("fair", language="en")
    assert f"{MARK_START}fairness{MARK_END}" in result.snippet
    assert result.kind == "Campaign"
    assert result.title == "Occupational Therapy Week 2021"


def test_snippets_are_plain_text_not_markdown() -> None:
    CampaignFactory.create(
        slug="markdown",
        body_en="Read **the report** on [our site](https://example.org/hidden-path).",
    )
    (result,) = search("report", language="en")
    assert "**" not in result.snippet
    assert "hidden-path" not in result.snippet
    assert f"{MARK_START}report{MARK_END}" in result.snippet


def test_titles_rank_above_passing_mentions() -> None:
    CampaignFactory.create(
        slug="mention", title_en="Autumn week", body_en="Some words about zither."
    )
    CampaignFactory.create(slug="titled", title_en="Zither week", body_en="Other words entirely.")
    assert urls("zither") == ["/campaigns/titled/", "/campaigns/mention/"]


def test_results_are_limited() -> None:
    for year in range(2000, 2012):
        CampaignFactory.create(year=year)
    assert len(search("fairer", language="en", limit=5)) == 5


def test_reindex_all_rebuilds_a_lost_index(campaign) -> None:
    FaqFactory.create(campaign=campaign)
    SearchDocument.objects.all().delete()
    assert urls("fairness") == []

    assert reindex_all() == 2

    assert urls("fairness") == ["/campaigns/ot-week-2021/"]
    assert SearchDocument.objects.count() == 4
