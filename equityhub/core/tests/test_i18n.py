from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import translation

from equityhub.core.i18n import localized, url_in_language


def _content(en: str, cy: str) -> SimpleNamespace:
    return SimpleNamespace(title_en=en, title_cy=cy)


def test_welsh_text_is_used_on_welsh_pages() -> None:
    with translation.override("cy"):
        value = localized(_content("Health equity", "Tegwch iechyd"), "title")
    assert (value.text, value.language, value.is_fallback) == ("Tegwch iechyd", "cy", False)


def test_missing_welsh_falls_back_to_english_and_says_so() -> None:
    with translation.override("cy"):
        value = localized(_content("Health equity", ""), "title")
    assert (value.text, value.language, value.is_fallback) == ("Health equity", "en", True)


def test_english_pages_never_report_a_fallback() -> None:
    with translation.override("en"):
        value = localized(_content("Health equity", "Tegwch iechyd"), "title")
    assert (value.text, value.is_fallback) == ("Health equity", False)


def test_url_in_language_keeps_the_query_string() -> None:
    assert url_in_language("/campaigns/?page=2", "cy") == "/cy/campaigns/?page=2"
    assert (
        url_in_language("/cy/faqs/?campaign=ot-week-2021", "en") == "/faqs/?campaign=ot-week-2021"
    )


def test_url_in_language_takes_full_urls_as_emails_carry_them() -> None:
    assert (
        url_in_language("https://equityhub.example/faqs/?campaign=ot-week-2021", "cy")
        == "https://equityhub.example/cy/faqs/?campaign=ot-week-2021"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "other"),
    [
        ("/ideas/?q=tai&level=government", "/cy/ideas/?q=tai&level=government"),
        ("/cy/ideas/?q=tai", "/ideas/?q=tai"),
        ("/faqs/", "/cy/faqs/"),
    ],
)
def test_the_language_switch_leads_to_the_same_page_in_the_other_language(
    client: Client, path: str, other: str
) -> None:
    page = client.get(path).content.decode()

    assert (
        f'hreflang="{"cy" if other.startswith("/cy/") else "en"}" href="{other}"'
        in page.replace("&amp;", "&")
    )
