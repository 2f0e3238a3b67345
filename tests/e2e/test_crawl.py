"""Every page a visitor can reach from the home pages works, says its language, and passes axe."""

import re
from urllib.parse import urldefrag, urljoin, urlsplit

from playwright.sync_api import Page

from tests.e2e.axe import assert_accessible

# Not pages for people to read here: the admin, the API's JSON, files, and sign-out.
SKIP_PREFIXES = ("/admin/", "/cy/admin/", "/api/", "/cy/api/", "/static/", "/media/")
# Under the API, only its reference page is a page for people.
API_PAGES = ("/api/v1/docs", "/cy/api/v1/docs")
# Not pages either, but they must answer: feeds and downloads.
FILE_SUFFIXES = ("/feed/", ".csv")
# Sign-in links carry the page to return to; the form is the same from every page.
NEXT_DROPPED = ("/accounts/login/", "/accounts/signup/")
# The ideas, the gap map and the action plan, each in both languages: a bound that still
# catches an address that multiplies itself.
MAX_PAGES = 300


def _is_page(path: str) -> bool:
    return path in API_PAGES or not path.startswith(SKIP_PREFIXES)


def _expected_language(path: str) -> str:
    return "cy" if path == "/cy/" or path.startswith("/cy/") else "en"


def test_every_page_reachable_from_home_works_in_its_language_without_axe_violations(
    page: Page, live_server
) -> None:
    queue, seen, files = ["/", "/cy/"], {"/", "/cy/"}, set()
    visited = 0
    while queue:
        path = queue.pop(0)
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, (
            f"{path} answered {response and response.status}"
        )
        assert page.locator("html").get_attribute("lang") == _expected_language(path), path
        assert page.locator("h1").count() == 1, f"{path} should have exactly one h1"
        assert_accessible(page)
        visited += 1
        assert visited <= MAX_PAGES, "the crawl found more pages than expected"
        for href in page.eval_on_selector_all(
            "a[href]", "els => els.map(e => e.getAttribute('href'))"
        ):
            url = urldefrag(urljoin(live_server.url + path, href)).url
            parts = urlsplit(url)
            if f"{parts.scheme}://{parts.netloc}" != live_server.url:
                continue
            query = "" if parts.path.endswith(NEXT_DROPPED) else parts.query
            target = parts.path + (f"?{query}" if query else "")
            if parts.path.startswith(("/media/", "/cy/media/")) or parts.path.endswith(
                FILE_SUFFIXES
            ):
                files.add(target)
            elif _is_page(parts.path) and target not in seen:
                seen.add(target)
                queue.append(target)
    for file_path in files:
        assert page.request.get(live_server.url + file_path).status == 200, file_path
    # The hub, the campaign list, six editions, FAQs, publications, search, and the static pages,
    # in both languages, at the very least.
    assert visited >= 24
    # The API reference, linked from every footer, in both languages.
    assert set(API_PAGES) <= seen
    # The ideas: the list, its second page and every demo idea, in both languages.
    for prefix in ("", "/cy"):
        assert {
            f"{prefix}/ideas/",
            f"{prefix}/ideas/?page=2",
            f"{prefix}/ideas/feed/",
        } <= seen | files
        assert sum(re.fullmatch(rf"{prefix}/ideas/\d+/", path) is not None for path in seen) >= 24
