"""Fields that editors write in English and Welsh (docs/decisions/0002-bilingual-content.md)."""

from modeltranslation.translator import TranslationOptions, register

from equityhub.campaigns.models import Campaign, Faq, Publication


@register(Campaign)
class CampaignTranslation(TranslationOptions):
    fields = (
        "title",
        "theme",
        "summary",
        "body",
        "why_health_equity",
        "why_occupational_therapists",
    )
    required_languages = ("en",)


@register(Faq)
class FaqTranslation(TranslationOptions):
    fields = ("question", "answer")
    required_languages = ("en",)


@register(Publication)
class PublicationTranslation(TranslationOptions):
    fields = ("title", "summary")
    required_languages = ("en",)
