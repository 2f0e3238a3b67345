import re

import pytest
from django.test import Client

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("equityhub.core.tests.urls_cache"),
]

PAGE = "/test-cache/page/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.EQUITYHUB_PAGE_CACHE_SECONDS = 5


def _rendering(response) -> str:
    match = re.search(r"(Rendering|Fragment) (\d+)", response.content.decode())
    assert match, "the page shows which rendering it is"
    return match.group(2)


def _header_nonce(response) -> str:
    [nonce] = re.findall(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    return nonce


def _body_nonces(response) -> set[str]:
    return set(re.findall(r'nonce="([^"]*)"', response.content.decode()))


def _body_csrf_tokens(response) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', response.content.decode()))


def test_visitors_share_one_rendering(client):
    first = client.get(PAGE)
    second = Client().get(PAGE)

    assert first.status_code == second.status_code == 200
    assert _rendering(first) == _rendering(second)


def test_the_query_string_is_part_of_the_address(client):
    plain = client.get(PAGE)
    sorted_page = client.get(PAGE + "?sort=supported")

    assert _rendering(plain) != _rendering(sorted_page)
    assert "?sort=supported" in sorted_page.content.decode()


def test_members_always_get_a_fresh_page(client, member_client):
    client.get(PAGE)

    first = member_client.get(PAGE)
    second = member_client.get(PAGE)

    assert len({_rendering(first), _rendering(second), _rendering(client.get(PAGE))}) == 3


def test_each_hit_carries_its_own_nonce_and_the_header_names_it(client):
    responses = [client.get(PAGE) for _ in range(3)]

    assert len({_rendering(r) for r in responses}) == 1
    nonces = [_header_nonce(r) for r in responses]
    assert len(set(nonces)) == 3
    for response, nonce in zip(responses, nonces, strict=True):
        assert _body_nonces(response) == {nonce}


def test_each_hit_carries_a_csrf_token_that_works_for_its_own_visitor_only():
    visitors = [Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)]
    responses = [visitor.get(PAGE) for visitor in visitors]
    tokens = [_body_csrf_tokens(response) for response in responses]

    assert _rendering(responses[0]) == _rendering(responses[1])
    assert all(len(found) == 1 for found in tokens)
    first, second = (found.pop() for found in tokens)
    assert first != second
    post = "/test-cache/message/"
    assert visitors[0].post(post, headers={"X-CSRFToken": first}).status_code == 302
    assert visitors[1].post(post, headers={"X-CSRFToken": second}).status_code == 302
    assert visitors[1].post(post, headers={"X-CSRFToken": first}).status_code == 403


def test_a_visitor_with_a_waiting_message_sees_it_on_a_fresh_page(client):
    before = client.get(PAGE)

    with_message = client.get("/test-cache/message/", follow=True)
    after = Client().get(PAGE)

    assert "Your message is waiting." in with_message.content.decode()
    assert _rendering(with_message) != _rendering(before)
    assert "Your message is waiting." not in after.content.decode()
    assert _rendering(after) == _rendering(before)


def test_zero_seconds_switches_the_cache_off(client, settings):
    settings.EQUITYHUB_PAGE_CACHE_SECONDS = 0

    assert _rendering(client.get(PAGE)) != _rendering(client.get(PAGE))


def test_each_language_has_its_own_page(client):
    english = client.get(PAGE)
    welsh = client.get("/cy" + PAGE)

    assert _rendering(english) != _rendering(welsh)
    assert '<html lang="cy"' in welsh.content.decode()
    assert '<html lang="en"' in client.get(PAGE).content.decode()


def test_htmx_requests_get_their_own_fragment(client):
    page = client.get(PAGE)
    fragment = client.get(PAGE, headers={"HX-Request": "true"})
    restore = client.get(PAGE, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})

    assert "<html" in page.content.decode()
    assert fragment.content.decode().startswith("<p>Fragment")
    assert _rendering(restore) != _rendering(fragment)
    assert _rendering(client.get(PAGE, headers={"HX-Request": "true"})) == _rendering(fragment)
    vary = {part.strip() for part in page["Vary"].split(",")}
    assert {"HX-Request", "HX-History-Restore-Request"} <= vary


def test_only_successful_pages_are_kept(client):
    assert client.get("/test-cache/missing/").status_code == 404
    assert client.get("/test-cache/missing/").status_code == 404


def test_a_hit_sets_no_cookie_of_the_visitor_who_rendered_it(client):
    client.get(PAGE)

    response = Client().get(PAGE)

    assert set(response.cookies) <= {"csrftoken"}
    assert "sessionid" not in response.cookies
