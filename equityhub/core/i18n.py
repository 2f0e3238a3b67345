"""Bilingual editorial content.

Editorial models register their translatable fields with django-modeltranslation (each app's
translation.py), which adds `<field>_en` and `<field>_cy` columns. `localized()` picks the text
for the active language and says whether it fell back to English, so templates can mark it with
lang="en" and tell Welsh readers that a translation is still to come (docs/decisions/0002).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from types import MappingProxyType
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Choices
from django.urls import translate_url
from django.utils import formats
from django.utils.translation import get_language, get_language_from_path, override

from equityhub.core.memo import TRANSLATION_SETTINGS, forgotten_when_changed

DEFAULT_LANGUAGE: str = settings.LANGUAGE_CODE


@dataclass(frozen=True, slots=True)
class LocalizedText:
    text: str
    language: str
    is_fallback: bool

    def __str__(self) -> str:
        return self.text


def active_language() -> str:
    language = (get_language() or DEFAULT_LANGUAGE).split("-")[0]
    return language if language in dict(settings.LANGUAGES) else DEFAULT_LANGUAGE


def localized(obj: object, field: str, language: str | None = None) -> LocalizedText:
    """The value of a translated field in `language` (default: active), else the English."""
    language = language or active_language()
    text = getattr(obj, f"{field}_{language}", None) or ""
    if text or language == DEFAULT_LANGUAGE:
        return LocalizedText(text=text, language=language, is_fallback=False)
    fallback = getattr(obj, f"{field}_{DEFAULT_LANGUAGE}", None) or ""
    return LocalizedText(text=fallback, language=DEFAULT_LANGUAGE, is_fallback=bool(fallback))


def choice_labels(choices: type[Choices]) -> Mapping[str, str]:
    """Each value of `choices` with its label in the active language.

    A label is a lazy translation, looked up again each time it is shown; a list of ideas
    shows a status and a level on every row. Here each is looked up once per language.
    """
    return _choice_labels(choices, get_language())


@forgotten_when_changed(*TRANSLATION_SETTINGS)
@lru_cache(maxsize=64)
def _choice_labels(choices: type[Choices], language: str | None) -> Mapping[str, str]:
    return MappingProxyType({str(value): str(label) for value, label in choices.choices})


def long_date(day: date) -> str:
    """A day as pages write it ("5 March 2026"), in the active language. A page shows a day
    on every card or comment, so each is worked out once per language and process."""
    return _long_date(day, get_language())


@forgotten_when_changed(*TRANSLATION_SETTINGS, "FORMAT_MODULE_PATH")
@lru_cache(maxsize=4096)
def _long_date(day: date, language: str | None) -> str:
    return formats.date_format(day, "j F Y")


def other_language(language: str) -> str:
    return "cy" if language == "en" else "en"


def url_in_language(url: str, language: str) -> str:
    """The same page in another language; a path or a full URL, query string kept."""
    # translate_url resolves the path, which only matches under the language it is written in.
    with override(get_language_from_path(urlsplit(url).path) or DEFAULT_LANGUAGE):
        return translate_url(url, language)
