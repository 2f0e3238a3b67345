"""From ideas to action in the browser, in English and in Welsh: an editor finds a gap on the
gap map, builds an action from three ideas, opens it to members for comments and publishes it;
a follower of one of the ideas gets the email and sees the action on the idea's page; a visitor
reads "You said, we did" and downloads it as a PDF. Every page on the way passes axe-core.

The Welsh run finds things by ids, field names and addresses, never by English words.
"""

import re
from typing import cast

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from equityhub.accounts.demo import DEMO_PASSWORD
from equityhub.accounts.models import User
from equityhub.accounts.tests.factories import PASSWORD, UserFactory
from equityhub.actions.models import Action, ActionStatus, Team
from equityhub.ideas.models import Follow, Idea, Status
from tests.e2e.axe import AXE_SOURCE, assert_accessible
from tests.e2e.test_ideas_journey import EDITOR, _sign_in, _speaks

# Three demo ideas, each found in the editor's picker by a word of its own.
IDEAS = {
    "ethnicity": "Publish health data by income, housing and ethnicity in all four nations",
    "youth": "Rehabilitation for young people in the youth justice system",
    "probation": "Occupational therapy in prisons and probation, before and after release",
}

WORDS: dict[str, dict[str, str]] = {
    "": {
        "language": "en",
        "title_en": "Make the justice system's health inequity visible",
        "title_cy": "Gwneud anghydraddoldeb iechyd y system gyfiawnder yn weladwy",
        "note": "This idea asked for exactly this.",
        "comment": "Please include women's prisons as well.",
    },
    "/cy": {
        "language": "cy",
        "title_en": "Occupational therapy across the justice system",
        "title_cy": "Therapi galwedigaethol ar draws y system gyfiawnder",
        "note": "Gofynnodd y syniad hwn am hyn.",
        "comment": "Cofiwch am garchardai menywod hefyd.",
    },
}


def _fill_action_form(page: Page, words: dict[str, str], team: Team) -> None:
    page.locator("#id_title_en").fill(words["title_en"])
    page.locator("#id_title_cy").fill(words["title_cy"])
    page.locator("#id_description_en").fill("Work with prison and probation services.")
    page.locator("input[name=level][value=government]").check()
    page.locator("#id_team").select_option(str(team.pk))
    page.locator("#id_target_date").fill("2022-12-31")


@pytest.mark.parametrize("prefix", ["", "/cy"], ids=["english", "welsh"])
def test_from_a_gap_to_a_published_action_and_its_pdf(
    page: Page, browser: Browser, live_server, prefix: str
) -> None:
    words = WORDS[prefix]
    english = not prefix
    ideas = {word: Idea.objects.get(title=title) for word, title in IDEAS.items()}
    follower = cast(User, UserFactory.create(verified=True, preferred_language=words["language"]))
    Follow.objects.create(idea=ideas["probation"], user=follower)
    team = Team.objects.get(slug="policy-public-affairs")

    # 1. The editor finds a gap on the gap map and opens the ideas in that cell.
    _sign_in(page, prefix, EDITOR, DEMO_PASSWORD)
    page.goto(f"{prefix}/ideas/gaps/")
    _speaks(page, prefix, "Gap map")
    assert_accessible(page)
    gap = page.locator("table td:has(.eh-gap-cell__tag) a").first
    expect(gap).to_be_visible()
    gap.click()
    expect(page).to_have_url(re.compile(rf"{prefix}/ideas/\?.*level="))

    # 2. A new action, first with a mistake: the form says so and keeps what was typed.
    page.goto(f"{prefix}/action-plan/new/")
    _speaks(page, prefix, "Start a new action")
    assert_accessible(page)
    _fill_action_form(page, words, team)
    page.locator("#id_description_en").fill("")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".govuk-error-summary a[href='#id_description_en']")).to_be_visible()
    expect(page.locator("#id_title_en")).to_have_value(words["title_en"])
    assert_accessible(page)
    page.locator("#id_description_en").fill("Work with prison and probation services.")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"{prefix}/action-plan/\d+/ideas/$"))
    action = Action.objects.get(title_en=words["title_en"])
    assert action.status == ActionStatus.DRAFT

    # 3. Three ideas found in the picker and linked, each with a note.
    for word, idea in ideas.items():
        page.locator("#id_q").fill(word)
        note = page.locator(f"#idea-{idea.pk}-note")
        expect(note).to_be_visible()
        note.fill(words["note"])
        page.locator(f"form:has(#idea-{idea.pk}-note) button[type=submit]").click()
        expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert action.idea_links.count() == 3
    assert_accessible(page)

    # 4. Opened to members for comments; a member comments on the draft.
    page.goto(f"{prefix}/action-plan/{action.pk}/")
    page.locator("form:has(input[name=operation][value=open]) button").click()
    expect(page.locator("form:has(input[name=operation][value=close])")).to_be_visible()
    assert_accessible(page)
    _sign_in(page, prefix, follower.email, PASSWORD)
    page.goto(f"{prefix}/action-plan/{action.pk}/")
    page.locator("#id_body").fill(words["comment"])
    page.locator(f"form[action='{prefix}/action-plan/{action.pk}/comments/'] button").last.click()
    expect(page.locator("#discussion ~ ol")).to_contain_text(words["comment"])
    assert_accessible(page)

    # 5. The editor publishes it; the ideas enter the plan and their followers hear of it.
    _sign_in(page, prefix, EDITOR, DEMO_PASSWORD)
    page.goto(f"{prefix}/action-plan/{action.pk}/")
    page.locator("input[name=status][value=planned]").check()
    page.locator("form:has(input[name=operation][value=publish]) button").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    action.refresh_from_db()
    assert action.status == ActionStatus.PLANNED and not action.open_for_comments
    assert {idea.status for idea in Idea.objects.filter(pk__in=[i.pk for i in ideas.values()])} == {
        Status.IN_ACTION_PLAN
    }
    emails = [message for message in mail.outbox if message.to == [follower.email]]
    assert len(emails) == 1, [message.subject for message in emails]
    assert emails[0].extra_headers["Content-Language"] == words["language"]
    assert IDEAS["probation"] in emails[0].subject

    # 6. The follower sees the action on the idea's page.
    _sign_in(page, prefix, follower.email, PASSWORD)
    page.goto(f"{prefix}/ideas/{ideas['probation'].pk}/")
    link = page.locator(f"#actions a[href='{prefix}/action-plan/{action.pk}/']")
    expect(link).to_have_text(words["title_cy"] if prefix else words["title_en"])
    assert_accessible(page)

    # 7. A visitor reads "You said, we did" in Welsh and downloads it as a PDF.
    context = browser.new_context(base_url=live_server.url, accept_downloads=True)
    context.add_init_script(script=AXE_SOURCE)
    try:
        visitor = context.new_page()
        visitor.goto("/cy/action-plan/")
        _speaks(visitor, "/cy", "You said, we did")
        expect(visitor.locator(f"a[href='/cy/action-plan/{action.pk}/']")).to_have_text(
            words["title_cy"]
        )
        assert_accessible(visitor)
        form = visitor.locator("form[action='/cy/action-plan/download/']")
        form.locator("input[name=format][value=pdf]").check()
        form.locator("button[type=submit]").click()
        download_link = visitor.locator("a[href$='/download/']")
        expect(download_link).to_be_visible()
        assert_accessible(visitor)
        with visitor.expect_download() as waiting:
            download_link.click()
        assert waiting.value.suggested_filename.endswith(".pdf")
    finally:
        context.close()
    if english:
        expect(page.locator("#actions-title")).to_have_text("What this idea led to")
