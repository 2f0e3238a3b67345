"""The API reference at /api/v1/docs: our own page, in both languages, made from the schema."""

import re
from html import unescape
from itertools import pairwise

import pytest
from django.urls import reverse

from equityhub.api.api import api
from equityhub.api.reference import build_reference

pytestmark = pytest.mark.django_db

METHODS = ("get", "post", "put", "patch", "delete")


def _text(html: str) -> str:
    """The page's text with tags removed and whitespace collapsed, for phrases split by markup."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def _operations(schema: dict) -> set[str]:
    return {
        f"{method.upper()} {path}"
        for path, methods in schema["paths"].items()
        for method in methods
        if method in METHODS
    }


@pytest.mark.parametrize(("path", "language"), [("/api/v1/docs", "en"), ("/cy/api/v1/docs", "cy")])
def test_renders_in_each_language_with_one_heading(
    client, django_assert_max_num_queries, path, language
) -> None:
    with django_assert_max_num_queries(2):
        response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert f'<html lang="{language}"' in html
    assert len(re.findall(r"<h1\b", html)) == 1
    assert 'aria-current="page"' in html


def test_the_english_page_is_titled_and_the_welsh_page_is_translated(client) -> None:
    english = client.get("/api/v1/docs").content.decode()
    welsh = client.get("/cy/api/v1/docs").content.decode()

    assert re.search(r"<h1[^>]*>\s*EquityHub API\s*</h1>", english)
    assert "Authentication" in english
    assert "Authentication" not in _text(welsh)
    assert "Pagination" not in _text(welsh)


def test_keeps_the_url_name_the_footer_and_account_page_use(client) -> None:
    assert reverse("api:openapi-view") == "/api/v1/docs"
    assert 'href="/api/v1/docs"' in client.get("/").content.decode()


@pytest.mark.parametrize("prefix", ["/api/v1", "/cy/api/v1"])
def test_lists_every_operation_in_the_schema(client, prefix) -> None:
    schema = client.get(f"{prefix}/openapi.json").json()
    text = _text(client.get(f"{prefix}/docs").content.decode())

    operations = _operations(schema)
    assert operations, "the schema should describe some operations"
    for operation in operations:
        assert operation in text
    assert all(path.startswith(f"{prefix}/") for path in schema["paths"])


def test_the_reference_walks_the_whole_schema() -> None:
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    reference = build_reference(schema)

    assert {operation.endpoint for operation in reference.operations} == _operations(schema)
    assert len({operation.anchor for operation in reference.operations}) == len(
        reference.operations
    )


def test_shows_the_parameters_of_a_paginated_list() -> None:
    reference = build_reference(api.get_openapi_schema(path_prefix="/api/v1/"))
    campaigns = next(op for op in reference.operations if op.endpoint == "GET /api/v1/campaigns")

    page = next(parameter for parameter in campaigns.parameters if parameter.name == "page")
    assert str(page.location) == "query string"
    assert page.required is False
    assert page.type.name == "integer"
    constraints = {str(constraint.label): constraint.value for constraint in page.constraints}
    assert constraints == {"Minimum": "1", "Maximum": "100000", "Default": "1"}

    page_size = next(p for p in campaigns.parameters if p.name == "page_size")
    assert page_size.type.name == "integer"
    assert {str(c.label): c.value for c in page_size.constraints} == {
        "Minimum": "1",
        "Maximum": "100",
    }


def test_the_page_shows_the_paginated_list_parameters(client) -> None:
    html = client.get("/api/v1/docs").content.decode()
    text = _text(html)

    assert "Parameters of GET /api/v1/campaigns" in text
    assert "<code>page</code>" in html
    assert "<code>page_size</code>" in html
    assert "Maximum: 100000" in text


def test_shows_the_fields_of_campaign_out_with_their_types(client) -> None:
    reference = build_reference(api.get_openapi_schema(path_prefix="/api/v1/"))
    campaigns = next(op for op in reference.operations if op.endpoint == "GET /api/v1/campaigns")
    ok = next(response for response in campaigns.responses if response.status == "200")

    assert ok.body is not None and ok.body.name == "PagedCampaignOut"
    paged, campaign = ok.tables
    assert [field.name for field in paged.fields] == ["items", "count"]
    assert paged.fields[0].type.is_array and paged.fields[0].type.name == "CampaignOut"
    assert (campaign.name, campaign.parent, campaign.in_array) == ("CampaignOut", "items", True)
    fields = {field.name: field.type for field in campaign.fields}
    assert set(fields) == {
        "slug",
        "year",
        "title",
        "hashtag",
        "theme",
        "starts_on",
        "ends_on",
        "summary",
        "is_current",
        "language",
        "url",
    }
    assert fields["starts_on"].format == "date"
    assert fields["year"].name == "integer"

    text = _text(client.get("/api/v1/docs").content.decode())
    assert "Fields of CampaignOut, each item in items" in text
    assert "starts_on string (format date) No" in text


def test_marks_fields_that_can_be_null() -> None:
    reference = build_reference(api.get_openapi_schema(path_prefix="/api/v1/"))
    publication = next(
        op for op in reference.operations if op.endpoint == "GET /api/v1/publications/{slug}"
    )
    ok, not_found = publication.responses
    fields = {field.name: field.type for field in ok.tables[0].fields}

    assert fields["file_size"].nullable and fields["file_size"].name == "integer"
    assert not fields["slug"].nullable
    assert not_found.status == "404"
    error_fields = {field.name: field.type for field in not_found.tables[0].fields}
    assert list(error_fields) == ["message", "errors"]
    assert not error_fields["message"].nullable and error_fields["errors"].nullable


def test_says_which_operations_need_authentication() -> None:
    reference = build_reference(api.get_openapi_schema(path_prefix="/api/v1/"))
    by_endpoint = {operation.endpoint: operation for operation in reference.operations}

    assert len(by_endpoint["GET /api/v1/me"].authentication) == 2
    assert by_endpoint["GET /api/v1/campaigns"].authentication == ()


def test_schema_text_on_the_welsh_page_is_marked_as_english(client) -> None:
    html = client.get("/cy/api/v1/docs").content.decode()

    assert re.search(r'<h3[^>]*lang="en"[^>]*>\s*All campaign editions\s*</h3>', html)
    assert re.search(r'<p[^>]*lang="en"[^>]*>Signed-in members only, about themselves.</p>', html)
    english = client.get("/api/v1/docs").content.decode()
    assert 'lang="en"' not in english.split("<main", 1)[1]


def test_the_welsh_page_shows_the_welsh_addresses(client) -> None:
    text = _text(client.get("/cy/api/v1/docs").content.decode())

    assert "GET /cy/api/v1/campaigns" in text
    assert "http://testserver/api/v1/" in text
    assert "http://testserver/cy/api/v1/" in text


def test_links_to_the_machine_readable_schema(client) -> None:
    assert 'href="/api/v1/openapi.json"' in client.get("/api/v1/docs").content.decode()
    assert 'href="/cy/api/v1/openapi.json"' in client.get("/cy/api/v1/docs").content.decode()


def test_the_schema_is_still_served_as_json(client) -> None:
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["info"]["title"] == "EquityHub API"


@pytest.mark.parametrize("path", ["/api/v1/docs", "/cy/api/v1/docs"])
def test_loads_nothing_from_other_sites(client, path) -> None:
    response = client.get(path)
    html = response.content.decode()

    scripts = re.findall(r"<script\b[^>]*\bsrc=\"([^\"]+)\"", html)
    stylesheets = re.findall(r"<link rel=\"stylesheet\" href=\"([^\"]+)\"", html)
    links = re.findall(r"<link\b[^>]*\bhref=\"([^\"]+)\"", html)
    assert scripts and stylesheets
    assert all(source.startswith("/static/") for source in scripts + stylesheets)
    assert all(link.startswith("/") and not link.startswith("//") for link in links)
    assert not re.search(r"<(script|link)\b[^>]*(src|href)=\"(https?:)?//", html)
    assert "swagger" not in html.lower()
    # The one inline script is the site's own, allowed by the Content-Security-Policy's nonce.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert all("nonce=" in attributes for attributes in inline)
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_wide_tables_scroll_inside_a_labelled_focusable_region(client) -> None:
    html = client.get("/api/v1/docs").content.decode()

    regions = re.findall(r"<div class=\"eh-table-scroll\"([^>]*)>", html)
    tables = re.findall(r"<table\b", html)
    assert len(regions) == len(tables) > 0
    labels = []
    for attributes in regions:
        assert 'role="region"' in attributes
        assert 'tabindex="0"' in attributes
        label = re.search(r'aria-label="([^"]+)"', attributes)
        assert label is not None
        labels.append(label.group(1))
    assert len(set(labels)) == len(labels), "each region needs its own label"
    assert html.count("<caption") == len(tables)
    assert "<th class" not in html, "every header cell needs a scope"


def test_headings_go_down_one_level_at_a_time(client) -> None:
    html = client.get("/cy/api/v1/docs").content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]

    levels = [int(level) for level in re.findall(r"<h([1-6])\b", main)]
    assert levels[0] == 1
    for previous, current in pairwise(levels):
        assert current <= previous + 1
