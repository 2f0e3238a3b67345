"""An editor adds the missing Welsh to a campaign in the admin; Welsh readers see it at once."""

import re

from playwright.sync_api import Page, expect

from equityhub.campaigns.models import Campaign

WELSH_SUMMARY = "Wythnos ar-lein pan rannodd therapyddion galwedigaethol eu gwaith."


def test_editor_fills_in_missing_welsh_side_by_side_with_the_english(page: Page) -> None:
    campaign = Campaign.objects.get(slug="ot-week-2020")
    assert campaign.summary_cy == ""  # the demo leaves it out, so the fallback shows

    page.goto("/cy/campaigns/ot-week-2020/")
    expect(page.locator("[lang=en]").first).to_be_visible()

    page.goto("/accounts/login/")
    page.get_by_label("Email", exact=False).first.fill("editor@equityhub.example")
    page.get_by_label("Password", exact=True).fill("equityhub-demo-2021")
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"/admin/campaigns/campaign/{campaign.pk}/change/")
    english = page.locator("[name=summary_en]")
    welsh = page.locator("[name=summary_cy]")
    expect(english).to_be_visible()
    expect(welsh).to_be_visible()
    welsh.fill(WELSH_SUMMARY)
    page.get_by_role("button", name=re.compile("^Save$")).click()
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")

    page.goto("/cy/campaigns/")
    expect(page.get_by_text(WELSH_SUMMARY)).to_be_visible()


def test_a_member_cannot_open_the_admin(page: Page) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email", exact=False).first.fill("member@equityhub.example")
    page.get_by_label("Password", exact=True).fill("equityhub-demo-2021")
    page.get_by_role("button", name="Sign in").click()
    page.goto("/admin/campaigns/campaign/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
