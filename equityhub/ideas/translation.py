"""Fields that editors write in English and Welsh (docs/decisions/0002-bilingual-content.md)."""

from modeltranslation.translator import TranslationOptions, register

from equityhub.ideas.models import Theme


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)
