"""The demo loader: complete, bilingual, searchable, and safe to run twice."""

from datetime import date

import pytest
from django.core.files.storage import default_storage
from django.db.models import Model

from equityhub.campaigns.demo import CAMPAIGNS, load_demo_campaigns
from equityhub.campaigns.models import Campaign, Faq, Publication
from equityhub.campaigns.services import campaign_set_current
from equityhub.core.models import SearchDocument
from equityhub.core.search import search

pytestmark = pytest.mark.django_db

TRANSLATED = {
    Campaign: ("title", "summary"),
    Faq: ("question", "answer"),
    Publication: ("summary",),
}


def snapshot() -> dict[str, list[tuple[object, ...]]]:
    """Every column of every campaign, FAQ, publication and search document, in pk order."""
    models: tuple[type[Model], ...] = (Campaign, Faq, Publication, SearchDocument)
    return {
        model.__name__: list(
            model._default_manager.order_by("pk").values_list(
                *(field.attname for field in model._meta.concrete_fields)
            )
        )
        for model in models
    }


@pytest.fixture
def loaded(media):
    load_demo_campaigns()


def test_loading_twice_changes_nothing(media) -> None:
    assert load_demo_campaigns() == 6
    first = snapshot()

    assert load_demo_campaigns() == 6

    assert snapshot() == first
    assert len(first["Campaign"]) == 6


def test_loading_again_restores_edited_demo_text(loaded) -> None:
    Campaign.objects.filter(slug="ot-week-2021").update(title_en="Something else")
    load_demo_campaigns()
    assert Campaign.objects.get(slug="ot-week-2021").title_en.startswith(
        "Occupational Therapy Week"
    )


def test_editions_2019_to_2024_in_early_november(loaded) -> None:
    campaigns = list(Campaign.objects.order_by("year"))
    assert [campaign.year for campaign in campaigns] == [2019, 2020, 2021, 2022, 2023, 2024]
    for campaign in campaigns:
        assert campaign.slug == f"ot-week-{campaign.year}"
        assert campaign.starts_on.month == 11
        assert campaign.starts_on.day <= 7
        assert campaign.is_published
        assert campaign.title_en
        assert campaign.title_cy
        assert campaign.summary_en


def test_2021_is_the_complete_current_edition(loaded) -> None:
    campaign = Campaign.objects.get(is_current=True)
    assert campaign.slug == "ot-week-2021"
    assert campaign.hashtag == "#OTsForEquity"
    assert (campaign.starts_on, campaign.ends_on) == (date(2021, 11, 1), date(2021, 11, 7))
    assert campaign.theme_en == "Health equity"
    for field in ("body", "why_health_equity", "why_occupational_therapists", "summary"):
        assert getattr(campaign, f"{field}_en")
        assert getattr(campaign, f"{field}_cy")
    assert "Marmot" in campaign.body_en
    assert "Steve Ford" in campaign.body_en
    faqs = list(campaign.faqs.order_by("position"))
    assert len(faqs) >= 4
    assert all(faq.question_cy and faq.answer_cy for faq in faqs)


def test_some_welsh_is_missing_on_purpose_but_not_on_the_current_edition(loaded) -> None:
    missing = [
        (type(obj).__name__, field)
        for model, fields in TRANSLATED.items()
        for obj in model._default_manager.all()
        for field in fields
        if getattr(obj, f"{field}_en") and not getattr(obj, f"{field}_cy")
    ]
    assert ("Campaign", "summary") in missing
    assert len(missing) <= 3
    current = Campaign.objects.get(is_current=True)
    assert current.summary_cy


def test_the_report_is_a_real_pdf_in_media_storage(loaded) -> None:
    publication = Publication.objects.get(slug="roots-of-recovery")
    assert publication.title_en == (
        "Roots of recovery: Occupational therapy at the heart of health equity"
    )
    assert publication.published_on == date(2021, 11, 1)
    assert publication.campaign is not None
    assert publication.campaign.slug == "ot-week-2021"
    assert publication.summary_en
    assert publication.summary_cy
    assert publication.link.startswith("https://www.rcot.co.uk/")
    name = publication.file.name
    assert name
    assert default_storage.exists(name)
    with default_storage.open(name) as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert publication.file_format == "PDF"
    assert publication.file_size and publication.file_size > 1000


def test_a_lost_pdf_is_made_again(loaded) -> None:
    name = Publication.objects.get(slug="roots-of-recovery").file.name
    assert name
    default_storage.delete(name)
    load_demo_campaigns()
    assert Publication.objects.get().file.name == name
    assert default_storage.exists(name)


def test_an_editors_choice_of_current_edition_survives_a_second_load(loaded) -> None:
    campaign_set_current(campaign=Campaign.objects.get(slug="ot-week-2019"))
    load_demo_campaigns()
    assert Campaign.objects.get(is_current=True).slug == "ot-week-2019"


def test_everything_loaded_is_in_the_search_index(loaded) -> None:
    objects = Campaign.objects.count() + Faq.objects.count() + Publication.objects.count()
    assert SearchDocument.objects.filter(language="en").count() == objects
    assert SearchDocument.objects.filter(language="cy").count() == objects

    english = search("OTsForEquity", language="en")
    assert "/campaigns/ot-week-2021/" in [result.url for result in english]
    welsh = search("tegwch iechyd", language="cy")
    assert "/cy/campaigns/ot-week-2021/" in [result.url for result in welsh]
    assert "/cy/publications/roots-of-recovery/" in [result.url for result in welsh]
    marmot = search("marmot", language="en")
    assert marmot and "\x02Marmot\x03" in marmot[0].snippet


def test_demo_data_declares_one_current_edition() -> None:
    assert [campaign.slug for campaign in CAMPAIGNS if campaign.is_current] == ["ot-week-2021"]
