"""The read-only campaign API and its OpenAPI schema (the reference page: equityhub/api/tests)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from equityhub.campaigns.services import campaign_set_current
from equityhub.campaigns.tests.factories import CampaignFactory, FaqFactory, PublicationFactory

pytestmark = pytest.mark.django_db


def test_campaigns_are_paginated_newest_first(client: Client) -> None:
    for year in range(2000, 2025):
        CampaignFactory.create(year=year)
    CampaignFactory.create(year=2030, is_published=False)

    first = client.get("/api/v1/campaigns").json()
    second = client.get("/api/v1/campaigns", {"page": 2}).json()

    assert first["count"] == 25
    assert len(first["items"]) == 20
    assert first["items"][0]["year"] == 2024
    assert len(second["items"]) == 5
    assert second["items"][-1]["year"] == 2000


def test_one_campaign_with_its_long_text(client: Client) -> None:
    campaign = CampaignFactory.create(slug="ot-week-2021", year=2021)
    campaign_set_current(campaign=campaign)

    body = client.get("/api/v1/campaigns/ot-week-2021").json()

    assert body["slug"] == "ot-week-2021"
    assert body["is_current"] is True
    assert body["starts_on"] == "2021-11-01"
    assert body["body"].startswith("The campaign asks")
    assert body["url"] == "http://testserver/campaigns/ot-week-2021/"
    assert body["language"] == "en"


def test_welsh_under_cy(client: Client) -> None:
    CampaignFactory.create(slug="ot-week-2021", year=2021)

    body = client.get("/cy/api/v1/campaigns/ot-week-2021").json()

    assert body["title"] == "Wythnos ymgyrch 2021"
    assert body["summary"] == "Wythnos am iechyd tecach i bawb."
    assert body["language"] == "cy"
    assert body["url"] == "http://testserver/cy/campaigns/ot-week-2021/"


def test_welsh_falls_back_to_english_and_says_so(client: Client) -> None:
    CampaignFactory.create(slug="ot-week-2020", year=2020, summary_cy="")

    body = client.get("/cy/api/v1/campaigns/ot-week-2020").json()

    assert body["summary"] == "A week about fairer health for everyone."
    assert body["language"] == "en"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/campaigns/no-such-week",
        "/api/v1/campaigns/no-such-week/faqs",
        "/api/v1/publications/no-such-report",
        "/cy/api/v1/campaigns/no-such-week",
    ],
)
def test_unknown_slugs_are_404_json(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()


def test_unpublished_campaign_is_404(client: Client) -> None:
    CampaignFactory.create(slug="draft", is_published=False)
    assert client.get("/api/v1/campaigns/draft").status_code == 404


def test_a_campaigns_faqs_in_order(client: Client) -> None:
    campaign = CampaignFactory.create(slug="ot-week-2021")
    FaqFactory.create(campaign=campaign, position=2, question_en="Second?")
    FaqFactory.create(campaign=campaign, position=1, question_en="First?")
    FaqFactory.create(question_en="Elsewhere?")

    body = client.get("/api/v1/campaigns/ot-week-2021/faqs").json()

    assert body["count"] == 2
    assert [faq["question"] for faq in body["items"]] == ["First?", "Second?"]
    assert {faq["campaign"] for faq in body["items"]} == {"ot-week-2021"}


def test_all_faqs_in_welsh(client: Client) -> None:
    FaqFactory.create(question_cy="Cwestiwn?", answer_cy="Ateb.")
    body = client.get("/cy/api/v1/faqs").json()
    assert body["items"][0]["question"] == "Cwestiwn?"
    assert body["items"][0]["answer"] == "Ateb."


def test_publications_with_file_and_link(client: Client, media) -> None:
    PublicationFactory.create(
        slug="roots-of-recovery",
        file=SimpleUploadedFile("roots.pdf", b"%PDF-1.4 test"),
        link="https://www.rcot.co.uk/roots",
    )
    PublicationFactory.create(slug="link-only", campaign=None)

    listing = client.get("/api/v1/publications").json()
    one = client.get("/api/v1/publications/roots-of-recovery").json()

    assert listing["count"] == 2
    assert one["file_url"].startswith("http://testserver/media/publications/")
    assert one["file_format"] == "PDF"
    assert one["file_size"] == len(b"%PDF-1.4 test")
    assert one["link"] == "https://www.rcot.co.uk/roots"
    assert one["url"] == "http://testserver/publications/roots-of-recovery/"
    link_only = next(item for item in listing["items"] if item["slug"] == "link-only")
    assert link_only["file_url"] is None
    assert link_only["campaign"] is None


def test_list_endpoints_run_a_fixed_number_of_queries(
    client: Client, django_assert_max_num_queries
) -> None:
    for year in range(2000, 2030):
        campaign = CampaignFactory.create(year=year)
        FaqFactory.create(campaign=campaign)
        PublicationFactory.create(campaign=campaign)
    for path in ("/api/v1/campaigns", "/api/v1/faqs", "/api/v1/publications"):
        # One query to count, one for the page.
        with django_assert_max_num_queries(2):
            assert client.get(path).status_code == 200


def test_openapi_schema_lists_the_campaign_endpoints(client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/v1/campaigns",
        "/api/v1/campaigns/{slug}",
        "/api/v1/campaigns/{slug}/faqs",
        "/api/v1/faqs",
        "/api/v1/publications",
        "/api/v1/publications/{slug}",
    ):
        assert path in paths
