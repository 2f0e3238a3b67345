"""Fields that editors write in English and Welsh (docs/decisions/0002-bilingual-content.md)."""

from modeltranslation.translator import TranslationOptions, register

from equityhub.actions.models import Action, ProgressUpdate, Team


@register(Team)
class TeamTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(Action)
class ActionTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("en",)


@register(ProgressUpdate)
class ProgressUpdateTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("en",)
