"""A visitor searches the site; results update in place as they type, in their language."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_accessible


def test_typing_a_search_updates_the_results_in_place(page: Page) -> None:
    page.goto("/search/")
    box = page.get_by_role("searchbox").or_(page.get_by_label("Search EquityHub"))
    box.first.fill("toolkit")
    results = page.locator("#search-results")
    expect(results.get_by_role("link").first).to_be_visible()
    expect(results).to_contain_text("toolkit", ignore_case=True)
    # The query lives in the address, so the results can be shared and the back button works.
    expect(page).to_have_url(re.compile(r"/search/\?q=toolkit"))
    expect(results.locator("mark").first).to_be_visible()
    assert_accessible(page)


def test_welsh_search_finds_welsh_text(page: Page) -> None:
    page.goto("/cy/search/?q=tegwch")
    assert page.locator("html").get_attribute("lang") == "cy"
    results = page.locator("#search-results")
    expect(results.get_by_role("link").first).to_be_visible()
    expect(results).to_contain_text("tegwch", ignore_case=True)
    assert_accessible(page)
