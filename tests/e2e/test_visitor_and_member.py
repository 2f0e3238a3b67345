"""A visitor becomes a member who reads EquityHub in Welsh, keyboard and axe checks on the way."""

import re

from django.core import mail
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_accessible

EMAIL = "newmember@example.org"
PASSWORD = "a long enough passphrase"


def _html_lang(page: Page) -> str | None:
    return page.locator("html").get_attribute("lang")


def test_visitor_reads_the_hub_and_switches_language_on_the_same_page(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Occupational Therapy Week 2021")
    assert _html_lang(page) == "en"
    assert_accessible(page)

    page.goto("/campaigns/")
    page.get_by_role("link", name="Cymraeg").click()
    expect(page).to_have_url(re.compile(r"/cy/campaigns/$"))
    assert _html_lang(page) == "cy"
    assert_accessible(page)

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/campaigns/$"))
    assert _html_lang(page) == "en"


def test_visitor_signs_up_confirms_and_comes_back_in_welsh(page: Page) -> None:
    page.goto("/")
    page.get_by_role("link", name="Create an account").click()
    assert_accessible(page)
    page.get_by_label("Email", exact=False).first.fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label(re.compile(r"Password \(again\)|Confirm password")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign up|create", re.I)).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile("Verify|Confirm", re.I))
    assert_accessible(page)

    # The confirmation email, from the test mail outbox.
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body)
    assert link is not None, mail.outbox[0].body
    page.goto(link.group(0))
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()

    page.goto("/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Email", exact=False).first.fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your account")
    assert_accessible(page)

    page.get_by_label("Cymraeg").check()
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/cy/account/$"))
    assert _html_lang(page) == "cy"
    assert_accessible(page)

    page.get_by_role("button", name="Allgofnodi").click()
    expect(page.get_by_role("link", name="Mewngofnodi")).to_be_visible()

    # Signing in from an English page lands the member in Welsh, their saved choice.
    page.goto("/accounts/login/")
    page.get_by_label("Email", exact=False).first.fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/cy/account/$"))
    assert _html_lang(page) == "cy"


def test_header_and_sign_in_work_by_keyboard_alone(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main-content$"))

    page.goto("/")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Sign in":
            break
    else:
        raise AssertionError("Sign in is not reachable by Tab from the top of the page")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))

    # The first field takes focus by Tab order; fill and submit with the keyboard only.
    page.get_by_label("Email", exact=False).first.focus()
    page.keyboard.type("member@equityhub.example")
    page.keyboard.press("Tab")
    page.keyboard.type("equityhub-demo-2021")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your account")
