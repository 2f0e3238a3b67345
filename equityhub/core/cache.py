"""Whole pages cached for a few seconds for visitors who are not signed in.

Busy public pages (the ideas list, an idea, the feed) are the same for every anonymous visitor,
so one rendering can serve them all for EQUITYHUB_PAGE_CACHE_SECONDS (5 by default; 0 turns
caching off). Signed-in members always get a fresh page, so their own new idea, support or
comment shows at once; everyone else sees it within those few seconds.

A rendered page carries two values that belong to the request that rendered it: the CSP nonce
of its inline script and the CSRF token htmx sends back. Neither may be handed to another
visitor, so the stored body holds placeholders in their place and every hit puts in the
current request's own values; the CSP middleware then names that nonce in the header.
See docs/decisions/0006-page-speed.md.
"""

import hashlib
import re
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware import csrf
from django.middleware.csp import get_nonce
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac

View = Callable[..., HttpResponseBase]

# Request headers that change what a page's view returns: htmx asks for a fragment of the page.
KEYED_HEADERS = ("HX-Request", "HX-History-Restore-Request", "HX-Target")
CACHEABLE_METHODS = frozenset({"GET", "HEAD"})
# Response headers that are the request's own and must not be replayed to someone else.
PRIVATE_HEADERS = frozenset({"set-cookie", "content-length"})
# A masked CSRF token as templates print it: 64 letters and digits.
_CSRF_TOKEN = re.compile(
    rb"(?<![A-Za-z0-9])[A-Za-z0-9]{%d}(?![A-Za-z0-9])" % csrf.CSRF_TOKEN_LENGTH
)


@lru_cache(maxsize=4)
def _placeholders(secret_key: str) -> tuple[bytes, bytes]:
    """Stand-ins for the nonce and the CSRF token in a stored body.

    They derive from the secret key, so no one can type them into an idea and have them
    turned into a real nonce; they are the same in every worker sharing the cache.
    """
    digest = salted_hmac(
        "equityhub.core.cache.placeholders", "page", secret=secret_key, algorithm="sha256"
    )
    hexdigest = digest.hexdigest()
    return f"nonce-{hexdigest[:24]}".encode(), f"csrf-{hexdigest[24:48]}".encode()


def page_cache_seconds() -> int:
    return int(getattr(settings, "EQUITYHUB_PAGE_CACHE_SECONDS", 0))


def _is_cacheable_request(request: HttpRequest) -> bool:
    if request.method not in CACHEABLE_METHODS:
        return False
    if request.user.is_authenticated:
        return False
    # A visitor with a message waiting ("You have signed out") must see it on this page.
    return len(messages.get_messages(request)) == 0


def _cache_key(request: HttpRequest) -> str:
    parts = [
        request.build_absolute_uri(),
        translation.get_language() or "",
        *(request.headers.get(name, "") for name in KEYED_HEADERS),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"equityhub:page:{digest}"


def _is_cacheable_response(response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _body_for_storage(request: HttpRequest, body: bytes) -> bytes:
    nonce_placeholder, csrf_placeholder = _placeholders(settings.SECRET_KEY)
    nonce = get_nonce(request)
    if nonce:  # true only when the page read it
        body = body.replace(str(nonce).encode(), nonce_placeholder)
    secret = request.META.get("CSRF_COOKIE")
    if secret:

        def hide_token(match: re.Match[bytes]) -> bytes:
            token = match.group(0)
            # Django's own unmasking, so a token is recognised exactly as the middleware would.
            unmasked = csrf._unmask_cipher_token(token.decode())  # type: ignore[attr-defined]
            return csrf_placeholder if unmasked == secret else token

        body = _CSRF_TOKEN.sub(hide_token, body)
    return body


def _body_for_request(request: HttpRequest, body: bytes) -> bytes:
    nonce_placeholder, csrf_placeholder = _placeholders(settings.SECRET_KEY)
    if nonce_placeholder in body:
        nonce = get_nonce(request)
        # Reading the nonce makes the CSP middleware name it in this response's header.
        body = body.replace(nonce_placeholder, b"" if nonce is None else str(nonce).encode())
    if csrf_placeholder in body:
        # A token of this visitor's own; the CSRF middleware sets their cookie to match.
        body = body.replace(csrf_placeholder, csrf.get_token(request).encode())
    return body


def _store(request: HttpRequest, response: HttpResponse, key: str, seconds: int) -> None:
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in PRIVATE_HEADERS
    ]
    entry = {
        "status": response.status_code,
        "headers": headers,
        "body": _body_for_storage(request, response.content),
        "csp": getattr(response, "_csp_config", None),
        "csp_report_only": getattr(response, "_csp_ro_config", None),
    }
    cache.set(key, entry, seconds)


def _rebuild(request: HttpRequest, entry: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(_body_for_request(request, entry["body"]), status=entry["status"])
    for name, value in entry["headers"]:
        response.headers[name] = value
    if entry["csp"] is not None:
        response._csp_config = entry["csp"]  # type: ignore[attr-defined]
    if entry["csp_report_only"] is not None:
        response._csp_ro_config = entry["csp_report_only"]  # type: ignore[attr-defined]
    return response


def public_page_cache(view: View) -> View:
    """Serve the view's page from the cache to visitors who are not signed in.

    Only GET and HEAD requests without pending messages, and only 200 responses that set no
    cookie and are not marked private, are cached. Entries are keyed on the full URL, the
    language and the htmx request headers, and responses say they vary on those headers.
    """

    @wraps(view)
    def cached_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        seconds = page_cache_seconds()
        if seconds <= 0 or not _is_cacheable_request(request):
            response = view(request, *args, **kwargs)
        else:
            key = _cache_key(request)
            entry = cache.get(key)
            if entry is not None:
                response = _rebuild(request, entry)
            else:
                response = view(request, *args, **kwargs)
                render = getattr(response, "render", None)
                if callable(render) and not getattr(response, "is_rendered", True):
                    render()
                if isinstance(response, HttpResponse) and _is_cacheable_response(response):
                    _store(request, response, key, seconds)
        patch_vary_headers(response, KEYED_HEADERS)
        return response

    return cached_view
