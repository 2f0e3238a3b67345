"""Campaign pages as an anonymous visitor sees them, in English and in Welsh."""

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from equityhub.campaigns.services import campaign_set_current
from equityhub.campaigns.tests.factories import CampaignFactory, FaqFactory, PublicationFactory

pytestmark = pytest.mark.django_db

# The notice appears on Welsh pages, so it is written in Welsh.
with translation.override("cy"):
    FALLBACK_NOTICE = gettext("This text is not yet available in Welsh, so it is shown in English.")


def text_of(response) -> str:
    return response.content.decode()


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


@pytest.fixture
def current():
    campaign = CampaignFactory.create(
        year=2021,
        slug="ot-week-2021",
        title_en="Occupational Therapy Week 2021: #OTsForEquity",
        title_cy="Wythnos Therapi Galwedigaethol 2021: #OTsForEquity",
        hashtag="#OTsForEquity",
        theme_en="Health equity",
        theme_cy="Tegwch iechyd",
        starts_on=date(2021, 11, 1),
        ends_on=date(2021, 11, 7),
    )
    campaign_set_current(campaign=campaign)
    FaqFactory.create(
        campaign=campaign,
        position=1,
        question_en="What is the toolkit?",
        question_cy="Beth yw'r pecyn cymorth?",
    )
    PublicationFactory.create(
        campaign=campaign,
        slug="roots-of-recovery",
        title_en="Roots of recovery",
        title_cy="",
    )
    return campaign


def build_content(count: int) -> None:
    """`count` published editions, each with an FAQ and a publication; the newest is current."""
    campaigns = [
        CampaignFactory.create(year=2000 + n, slug=f"campaign-{2000 + n}") for n in range(count)
    ]
    for campaign in campaigns:
        FaqFactory.create(campaign=campaign)
        PublicationFactory.create(campaign=campaign)
    campaign_set_current(campaign=campaigns[-1])


# The hub -------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_hub_shows_the_current_campaign(client: Client, current, prefix: str) -> None:
    response = client.get(f"{prefix}/")
    html = text_of(response)
    assert response.status_code == 200
    assert h1_count(html) == 1
    assert "#OTsForEquity" in html
    assert 'datetime="2021-11-01"' in html
    assert "govuk-breadcrumbs" not in html
    for section in ("section-about", "section-health-equity", "section-occupational-therapists"):
        assert f'id="{section}"' in html
    assert 'id="section-take-part"' in html
    assert "What is the toolkit?" in html or "Beth yw&#x27;r pecyn cymorth?" in html


def test_hub_in_english_and_welsh(client: Client, current) -> None:
    english = text_of(client.get("/"))
    welsh = text_of(client.get("/cy/"))
    assert "<title>" in english
    assert "Occupational Therapy Week 2021: #OTsForEquity" in english
    assert "1 to 7 November 2021" in re.sub(r"<[^>]+>", "", english)
    assert "Wythnos Therapi Galwedigaethol 2021: #OTsForEquity" in welsh
    assert "Tegwch iechyd" in welsh
    assert "Tachwedd 2021" in welsh
    assert FALLBACK_NOTICE not in english


def test_hub_ways_to_take_part_link_only_to_real_pages(client: Client, current) -> None:
    html = text_of(client.get("/"))
    ways = html[html.index('id="section-take-part"') :]
    ways = ways[: ways.index("</section>")]
    # Features that exist are links…
    assert 'href="/faqs/"' in ways
    assert 'href="/publications/"' in ways
    assert 'href="/search/"' in ways
    assert 'href="/ideas/"' in ways
    assert "Ideas Platform" in ways
    # …and those still to come are named, described, and marked, with no link.
    assert "CPD toolkit" in ways
    assert "Social wall" in ways
    assert ways.count("Coming soon") == 4
    assert len(re.findall(r"<a ", ways)) == 4


def test_welsh_hub_marks_english_shown_for_missing_welsh(client: Client, current) -> None:
    current.body_cy = ""
    current.save()
    html = text_of(client.get("/cy/"))
    assert FALLBACK_NOTICE in html
    assert '<div lang="en">' in html
    # The publication has no Welsh title: its English title is marked as English.
    assert '<span lang="en">Roots of recovery</span>' in html


def test_hub_without_a_current_campaign(client: Client) -> None:
    CampaignFactory.create()
    response = client.get("/")
    html = text_of(response)
    assert response.status_code == 200
    assert "No campaign is running" in html
    assert h1_count(html) == 1
    assert 'href="/campaigns/"' in html


# Campaign list and detail --------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_campaign_list_newest_first_with_the_current_one_marked(
    client: Client, prefix: str
) -> None:
    CampaignFactory.create(year=2019, title_en="Week 2019", title_cy="Wythnos 2019")
    CampaignFactory.create(year=2023, title_en="Week 2023", title_cy="Wythnos 2023")
    current = CampaignFactory.create(year=2021, title_en="Week 2021", title_cy="Wythnos 2021")
    CampaignFactory.create(year=2022, title_en="Hidden 2022", is_published=False)
    campaign_set_current(campaign=current)

    response = client.get(f"{prefix}/campaigns/")
    html = text_of(response)

    assert response.status_code == 200
    assert h1_count(html) == 1
    assert "govuk-breadcrumbs" in html
    word = "Wythnos" if prefix else "Week"
    positions = [html.index(f"{word} {year}") for year in (2023, 2021, 2019)]
    assert positions == sorted(positions)
    assert "Hidden 2022" not in html
    assert html.count("eh-card--current") == 1
    current_card = html[html.index("eh-card--current") :]
    assert f"{word} 2021" in current_card[: current_card.index("</li>")]


def test_campaign_list_counts_editions_with_plural_forms(client: Client) -> None:
    CampaignFactory.create()
    assert "There is 1 edition" in text_of(client.get("/campaigns/"))
    CampaignFactory.create()
    assert "There are 2 editions" in text_of(client.get("/campaigns/"))


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_campaign_detail_shows_faqs_and_publications(client: Client, current, prefix: str) -> None:
    response = client.get(f"{prefix}/campaigns/ot-week-2021/")
    html = text_of(response)
    assert response.status_code == 200
    assert h1_count(html) == 1
    assert "govuk-breadcrumbs" in html
    assert 'id="faq-' in html
    assert "Roots of recovery" in html
    assert f'href="{prefix}/publications/roots-of-recovery/"' in html


def test_welsh_campaign_detail_falls_back_to_english_where_welsh_is_missing(client: Client) -> None:
    CampaignFactory.create(slug="ot-week-2020", year=2020, summary_cy="", theme_cy="")
    html = text_of(client.get("/cy/campaigns/ot-week-2020/"))
    assert FALLBACK_NOTICE in html
    assert '<div lang="en"><p>A week about fairer health for everyone.</p>' in html
    assert '<span lang="en">Fairer health</span>' in html
    # Welsh that exists is shown in Welsh, unmarked.
    assert "Wythnos ymgyrch 2020" in html


@pytest.mark.parametrize("path", ["/campaigns/no-such-week/", "/cy/campaigns/no-such-week/"])
def test_unknown_campaign_is_404(client: Client, path: str) -> None:
    assert client.get(path).status_code == 404


def test_unpublished_campaign_is_404(client: Client) -> None:
    CampaignFactory.create(slug="draft-week", is_published=False)
    assert client.get("/campaigns/draft-week/").status_code == 404


# FAQs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_faqs_grouped_by_campaign(client: Client, prefix: str) -> None:
    first = CampaignFactory.create(year=2020)
    second = CampaignFactory.create(year=2021)
    FaqFactory.create(campaign=first, question_en="Older question?", question_cy="Hen gwestiwn?")
    FaqFactory.create(
        campaign=second, question_en="Newer question?", question_cy="Cwestiwn newydd?"
    )

    response = client.get(f"{prefix}/faqs/")
    html = text_of(response)

    assert response.status_code == 200
    assert h1_count(html) == 1
    assert "govuk-breadcrumbs" in html
    assert html.index(f'id="faq-group-{second.slug}"') < html.index(f'id="faq-group-{first.slug}"')
    newer, older = ("Cwestiwn newydd?", "Hen gwestiwn?") if prefix else ("Newer", "Older")
    assert html.index(newer) < html.index(older)
    assert '<form method="get"' in html


def test_faq_filter_shows_one_campaign(client: Client) -> None:
    first = CampaignFactory.create(year=2020)
    second = CampaignFactory.create(year=2021)
    FaqFactory.create(campaign=first, question_en="Older question?")
    FaqFactory.create(campaign=second, question_en="Newer question?")

    html = text_of(client.get("/faqs/", {"campaign": first.slug}))

    assert "Older question?" in html
    assert "Newer question?" not in html
    assert f'<option value="{first.slug}"\n' in html or f'value="{first.slug}" selected' in re.sub(
        r"\s+", " ", html
    )
    assert "1 question about" in html


def test_faq_filter_with_an_unknown_campaign_explains_and_shows_all(client: Client) -> None:
    FaqFactory.create(question_en="Any question?")
    response = client.get("/faqs/", {"campaign": "nonsense"})
    html = text_of(response)
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "Choose a campaign from the list." in html
    assert "Any question?" in html
    assert "<title>\n  \n    Error:" in html or "Error:" in html.split("</title>")[0]


def test_faqs_welsh_fallback_is_marked(client: Client) -> None:
    FaqFactory.create(question_cy="", answer_cy="")
    html = text_of(client.get("/cy/faqs/"))
    assert '<h3 class="govuk-heading-s"><span lang="en">Question number' in html
    assert FALLBACK_NOTICE in html


# Publications --------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_publication_list(client: Client, media, prefix: str) -> None:
    PublicationFactory.create(
        title_en="Older report", title_cy="Hen adroddiad", published_on=date(2020, 1, 1)
    )
    PublicationFactory.create(
        title_en="Newer report",
        title_cy="Adroddiad newydd",
        published_on=date(2021, 11, 1),
        file=SimpleUploadedFile("newer.pdf", b"%PDF-1.4 " + b"x" * 2048),
    )
    response = client.get(f"{prefix}/publications/")
    html = text_of(response)
    assert response.status_code == 200
    assert h1_count(html) == 1
    newer, older = ("Adroddiad newydd", "Hen adroddiad") if prefix else ("Newer", "Older")
    assert html.index(newer) < html.index(older)
    assert "PDF, 2.0" in html
    assert ("Tachwedd 2021" if prefix else "1 November 2021") in html
    assert ("2 reports and papers" if not prefix else "2") in html


def test_publication_detail_with_file_and_link(client: Client, media) -> None:
    publication = PublicationFactory.create(
        slug="roots-of-recovery",
        title_en="Roots of recovery",
        link="https://www.rcot.co.uk/roots",
        file=SimpleUploadedFile("roots.pdf", b"%PDF-1.4 " + b"x" * 3000),
    )
    response = client.get("/publications/roots-of-recovery/")
    html = text_of(response)
    assert response.status_code == 200
    assert h1_count(html) == 1
    assert "govuk-breadcrumbs" in html
    assert f'href="{publication.file.url}"' in html
    assert "Download Roots of recovery (PDF, 2.9\xa0KB)" in re.sub(r"\s+", " ", html).replace(
        "2.9 KB", "2.9\xa0KB"
    )
    assert 'href="https://www.rcot.co.uk/roots"' in html
    assert "Read it on rcot.co.uk" in re.sub(r"\s+", " ", html)
    assert 'datetime="2021-11-01"' in html


def test_publication_detail_with_a_missing_file_still_renders(client: Client, media) -> None:
    PublicationFactory.create(slug="lost", file="publications/gone.pdf")
    response = client.get("/publications/lost/")
    assert response.status_code == 200
    assert "(PDF)" in re.sub(r"\s+", " ", text_of(response))


def test_welsh_publication_detail(client: Client) -> None:
    PublicationFactory.create(slug="roots", title_en="Roots of recovery", title_cy="")
    html = text_of(client.get("/cy/publications/roots/"))
    assert '<h1 class="govuk-heading-xl"><span lang="en">Roots of recovery</span></h1>' in html
    assert "adroddiad yn galw amdano." in html
    assert "1 Tachwedd 2021" in html
    # <title> cannot hold markup: the plain title is used there.
    assert "<span" not in html.split("</title>")[0].split("<title>")[1]


@pytest.mark.parametrize("path", ["/publications/nothing/", "/cy/publications/nothing/"])
def test_unknown_publication_is_404(client: Client, path: str) -> None:
    assert client.get(path).status_code == 404


# Search --------------------------------------------------------------------------------------


def test_search_page_without_a_query_shows_just_the_form(client: Client) -> None:
    html = text_of(client.get("/search/"))
    assert h1_count(html) == 1
    assert 'role="search"' in html
    assert 'aria-live="polite"' in html
    assert "govuk-error-summary" not in html


def test_search_with_an_empty_query_explains(client: Client) -> None:
    html = text_of(client.get("/search/", {"q": "   "}))
    assert "govuk-error-summary" in html
    assert "Enter a word or phrase to search for." in html


def test_search_marks_matches_and_escapes_the_rest(client: Client, current) -> None:
    current.body_en = "Health <b>equity</b> & fairness for everyone."
    current.save()
    html = text_of(client.get("/search/", {"q": "equity"}))
    results = html.split('id="search-results"')[1]
    # Raw HTML in Markdown is text, not markup: it is shown as typed, escaped exactly once.
    assert "&lt;b&gt;<mark>equity</mark>&lt;/b&gt; &amp; fairness" in results
    assert "<b>" not in results
    assert "&amp;lt;" not in results
    assert 'href="/campaigns/ot-week-2021/"' in html


def test_search_with_a_very_long_query_explains(client: Client) -> None:
    html = text_of(client.get("/search/", {"q": "word " * 60}))
    assert "Enter no more than 200 characters." in html


def test_search_with_no_results_says_so(client: Client, current) -> None:
    html = text_of(client.get("/search/", {"q": "zebra"}))
    assert "0 results for “zebra”." in html
    assert "Nothing matched your search." in html


def test_search_counts_results_with_plural_forms(client: Client, current) -> None:
    html = text_of(client.get("/search/", {"q": "toolkit"}))
    assert "1 result for “toolkit”." in html


def test_welsh_search_finds_welsh_text(client: Client, current) -> None:
    html = text_of(client.get("/cy/search/", {"q": "therapyddion"}))
    assert "<mark>therapyddion</mark>" in html
    assert 'href="/cy/campaigns/ot-week-2021/"' in html


def test_search_with_htmx_returns_only_the_results(client: Client, current) -> None:
    response = client.get("/search/", {"q": "equity"}, headers={"HX-Request": "true"})
    html = text_of(response)
    assert response.status_code == 200
    assert "<html" not in html
    assert "<form" not in html
    assert "<mark>" in html
    assert "HX-Request" in response["Vary"]


def test_search_with_htmx_and_an_empty_query(client: Client) -> None:
    html = text_of(client.get("/search/", {"q": ""}, headers={"HX-Request": "true"}))
    assert "<html" not in html
    assert "Enter a word or phrase to search for." in html


def test_htmx_history_restore_gets_the_whole_page(client: Client, current) -> None:
    html = text_of(
        client.get(
            "/search/",
            {"q": "equity"},
            headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
        )
    )
    assert "<html" in html


def test_search_query_is_escaped_in_the_page(client: Client) -> None:
    html = text_of(client.get("/search/", {"q": "<script>alert(1)</script>"}))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


# Fixed query counts --------------------------------------------------------------------------


PAGES = [
    ("/", 3),
    ("/cy/", 3),
    ("/campaigns/", 1),
    ("/cy/campaigns/", 1),
    ("/campaigns/campaign-2000/", 3),
    ("/faqs/", 2),
    ("/cy/faqs/?campaign=campaign-2001", 2),
    ("/publications/", 1),
    ("/publications/report-0/", 1),
    ("/search/?q=question", 1),
    ("/cy/search/?q=cwestiwn", 1),
]


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize(("path", "queries"), PAGES)
def test_each_page_runs_a_fixed_number_of_queries(
    client: Client, django_assert_max_num_queries, count: int, path: str, queries: int
) -> None:
    PublicationFactory.reset_sequence(0)
    build_content(count)
    with django_assert_max_num_queries(queries):
        response = client.get(path)
    assert response.status_code == 200
