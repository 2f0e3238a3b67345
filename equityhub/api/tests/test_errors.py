"""Bad input to the API gets a 422 with a message for each field, in the caller's language."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_page_number_that_is_not_a_number_is_named_and_explained(client) -> None:
    response = client.get("/api/v1/campaigns", {"page": "two"})
    assert response.status_code == 422
    body = response.json()
    assert body["message"] == "Some of the values sent are not valid."
    assert body["errors"] == {"page": ["Enter a whole number."]}


def test_a_page_number_below_one_is_refused(client) -> None:
    response = client.get("/api/v1/faqs", {"page": "0"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"page": ["Enter a number of at least 1."]}


def test_errors_are_explained_in_welsh_on_the_welsh_api(client) -> None:
    response = client.get("/cy/api/v1/publications", {"page": "dau"})
    assert response.status_code == 422
    body = response.json()
    assert body["message"] != "Some of the values sent are not valid."
    assert body["errors"]["page"] != ["Enter a whole number."]


def test_an_unknown_campaign_is_a_json_404(client) -> None:
    response = client.get("/api/v1/campaigns/no-such-campaign")
    assert response.status_code == 404
    assert "message" in response.json()


def test_an_unauthenticated_call_is_explained_in_the_callers_language(client) -> None:
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    english = response.json()["message"]
    assert "personal token" in english

    welsh = client.get("/cy/api/v1/me").json()["message"]
    assert welsh != english
