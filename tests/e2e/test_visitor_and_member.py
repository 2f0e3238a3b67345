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
    _tab_until(page, "document.activeElement.textContent.trim() === 'Sign in'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))

    # Tab to the email field, type, Tab to the password, type, and submit with Enter.
    _tab_until(page, "document.activeElement.type === 'email'")
    page.keyboard.type("member@equityhub.example")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "password"
    page.keyboard.type("equityhub-demo-2021")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your account")


def _tab_until(page: Page, condition: str, limit: int = 30) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(condition):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def test_narrow_screen_menu_opens_by_keyboard(page: Page) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/")
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    expect(page.get_by_role("link", name="FAQs")).to_be_hidden()
    _tab_until(page, "document.activeElement.textContent.trim() === 'Menu'")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    _tab_until(page, "document.activeElement.textContent.trim() === 'FAQs'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/faqs/$"))
