"""Whatever a visitor puts in the address, no page answers with a server error."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/campaigns/",
    "/campaigns/ot-week-2021/",
    "/faqs/",
    "/publications/",
    "/search/",
    "/accessibility/",
    "/privacy/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/api/v1/campaigns",
    "/api/v1/faqs",
    "/api/v1/publications",
]
JUNK = [
    {"q": "\x00", "page": "-1", "campaign": "<script>alert(1)</script>"},
    {"q": "\"' OR 1=1 --", "page": "9" * 30, "campaign": "../../etc/passwd"},
    {"q": "a" * 5000, "page": "NaN", "next": "https://evil.example/"},
    {"q": "*", "page": "1e9", "campaign": "%"},
]


@pytest.fixture
def demo() -> None:
    call_command("load_demo", verbosity=0)


@pytest.mark.parametrize("prefix", ["", "/cy"])
@pytest.mark.parametrize("path", PAGES)
def test_junk_in_the_query_string_never_causes_a_server_error(client, demo, prefix, path) -> None:
    for params in JUNK:
        response = client.get(prefix + path, params)
        assert response.status_code < 500, (path, params, response.status_code)
        body = response.content.decode()
        assert "<script>alert(1)</script>" not in body


@pytest.mark.parametrize("path", ["/no-such-page/", "/cy/no-such-page/", "/campaigns/%00/"])
def test_unknown_addresses_get_the_not_found_page(client, path) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert 'class="govuk-template"' in response.content.decode()
