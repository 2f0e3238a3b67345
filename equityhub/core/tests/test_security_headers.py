import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/accessibility/", "/cy/privacy/", "/no-such-page/"])
def test_pages_carry_the_security_headers(client, path):
    response = client.get(path)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_the_inline_script_carries_the_nonce_the_policy_allows(client):
    response = client.get("/accessibility/")

    policy = response["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    [nonce] = re.findall(r"'nonce-([^']+)'", script_src)
    html = response.content.decode()
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline_scripts, "base.html has an inline script"
    for attributes in inline_scripts:
        assert f'nonce="{nonce}"' in attributes


def test_each_response_gets_a_fresh_nonce(client):
    first = client.get("/accessibility/")["Content-Security-Policy"]
    second = client.get("/accessibility/")["Content-Security-Policy"]

    assert re.findall(r"'nonce-([^']+)'", first) != re.findall(r"'nonce-([^']+)'", second)


def test_health_check_carries_the_headers_too(client):
    response = client.get("/health/")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in response


def test_only_members_pages_carry_a_csrf_token_for_htmx(client, member):
    # A visitor sends no form with htmx: their pages make no token and set no cookie.
    visitor_page = client.get("/")
    assert "csrftoken" not in visitor_page.cookies
    assert "X-CSRFToken" not in visitor_page.content.decode()

    client.force_login(member)
    member_page = client.get("/").content.decode()
    token = re.search(r"hx-headers='\{\"X-CSRFToken\": \"([^\"]+)\"\}'", member_page)
    assert token is not None
    assert len(token.group(1)) == 64
