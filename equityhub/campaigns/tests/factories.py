"""Campaign test data. Welsh text is filled in unless a test blanks it to see the fallback."""

from datetime import date

import factory

from equityhub.campaigns.models import Campaign, Faq, Publication


class CampaignFactory(factory.django.DjangoModelFactory[Campaign]):
    class Meta:
        model = Campaign

    year = factory.Sequence(lambda n: 2000 + n % 100)
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    title_en = factory.LazyAttribute(lambda campaign: f"Campaign week {campaign.year}")
    title_cy = factory.LazyAttribute(lambda campaign: f"Wythnos ymgyrch {campaign.year}")
    hashtag = factory.LazyAttribute(lambda campaign: f"#Week{campaign.year}")
    theme_en = "Fairer health"
    theme_cy = "Iechyd tecach"
    starts_on = factory.LazyAttribute(lambda campaign: date(campaign.year, 11, 1))
    ends_on = factory.LazyAttribute(lambda campaign: date(campaign.year, 11, 7))
    summary_en = "A week about fairer health for everyone."
    summary_cy = "Wythnos am iechyd tecach i bawb."
    body_en = "The campaign asks what **occupational therapists** can change."
    body_cy = "Mae'r ymgyrch yn gofyn beth y gall **therapyddion galwedigaethol** ei newid."
    why_health_equity_en = "Because gaps in health are unfair and avoidable."
    why_health_equity_cy = "Oherwydd bod bylchau iechyd yn annheg ac yn osgoadwy."
    why_occupational_therapists_en = "Because they work where inequality shows."
    why_occupational_therapists_cy = "Oherwydd eu bod yn gweithio lle mae anghydraddoldeb i'w weld."
    is_published = True
    is_current = False


class FaqFactory(factory.django.DjangoModelFactory[Faq]):
    class Meta:
        model = Faq

    campaign = factory.SubFactory(CampaignFactory)
    position = factory.Sequence(lambda n: n + 1)
    question_en = factory.Sequence(lambda n: f"Question number {n}?")
    question_cy = factory.Sequence(lambda n: f"Cwestiwn rhif {n}?")
    answer_en = "An answer about toolkits."
    answer_cy = "Ateb am becynnau cymorth."


class PublicationFactory(factory.django.DjangoModelFactory[Publication]):
    class Meta:
        model = Publication

    campaign = factory.SubFactory(CampaignFactory)
    slug = factory.Sequence(lambda n: f"report-{n}")
    title_en = factory.Sequence(lambda n: f"Report number {n}")
    title_cy = factory.Sequence(lambda n: f"Adroddiad rhif {n}")
    summary_en = "What the report calls for."
    summary_cy = "Yr hyn y mae'r adroddiad yn galw amdano."
    published_on = date(2021, 11, 1)
    link = "https://www.rcot.co.uk/"
