"""An idea's life in the browser, in English and in Welsh: a member shares it after seeing a
similar one offered, another supports it and comments, a third reports it, a moderator hides
and restores it, an editor accepts it with an official response, and its author gets the news
by email. Every page on the way passes axe-core.

The Welsh run finds things by ids, field names and addresses, never by English words, and
checks that each page speaks Welsh: `<html lang="cy">` and a heading that is not the English one.
"""

import re
from datetime import timedelta
from typing import cast

import pytest
from django.conf import settings
from django.core import mail
from django.db.models import F
from playwright.sync_api import Browser, Page, expect

from equityhub.accounts.demo import DEMO_PASSWORD
from equityhub.accounts.models import User
from equityhub.accounts.tests.factories import PASSWORD, UserFactory
from equityhub.ideas.models import Idea, Notification, Status
from equityhub.ideas.tasks import send_idea_news
from equityhub.moderation.models import Case, Report
from tests.e2e.axe import assert_accessible

AUTHOR = "member@equityhub.example"
MODERATOR = "moderator@equityhub.example"
EDITOR = "editor@equityhub.example"

# The new idea's title shares words with a demo idea, which the form offers while it is typed.
JOURNEYS: dict[str, dict[str, str]] = {
    "": {
        "similar": (
            "Occupational therapists in housing planning, so homes are accessible from day one"
        ),
        "title": "Occupational therapists advising housing planners on adapted homes",
        "body": "Councils could ask an occupational therapist to review **every** new estate plan.",
        "language": "en",
        "comment": "Our council tried this and the homes needed far fewer changes later.",
        "report": "This repeats an idea that is already on the list.",
        "response": "The College will raise this with the planning bodies in all four nations.",
    },
    "/cy": {
        "similar": "Addasiadau cyflym i helpu pobl hŷn i aros yn eu cartrefi",
        "title": "Addasiadau cartref cyflym i bobl hŷn ar ôl gadael yr ysbyty",
        "body": "Gallai therapyddion galwedigaethol drefnu **addasiadau** cyn i bobl fynd adref.",
        "language": "cy",
        "comment": "Rydym wedi gwneud hyn yn ein hardal ni ac mae'n gweithio'n dda.",
        "report": "Mae hwn yn ailadrodd syniad sydd eisoes ar y rhestr.",
        "response": "Bydd y Coleg yn codi hyn gyda'r byrddau iechyd yng Nghymru.",
    },
}


def _speaks(page: Page, prefix: str, english_h1: str) -> None:
    """The page is in the journey's language: English by its heading, Welsh by its lang and by
    a heading that is no longer the English one."""
    h1 = page.get_by_role("heading", level=1)
    if prefix:
        assert page.locator("html").get_attribute("lang") == "cy", page.url
        expect(h1).not_to_have_text(english_h1)
    else:
        assert page.locator("html").get_attribute("lang") == "en", page.url
        expect(h1).to_have_text(english_h1)


def _sign_in(page: Page, prefix: str, email: str, password: str) -> None:
    """Sign in through the sign-in page, as whoever was signed in before is forgotten."""
    page.context.clear_cookies()
    page.goto(f"{prefix}/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form[action$='/accounts/login/'] button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def _decide(page: Page, action: str, reason: str) -> None:
    """Record a moderator's decision on the case page that is open."""
    page.locator(f"input[name=action][value={action}]").check()
    page.locator("textarea[name=reason]").fill(reason)
    page.locator("form[action*='/moderation/cases/'] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/moderation/$"))


def _visitor_sees(browser: Browser, base_url: str, prefix: str, title: str) -> bool:
    """Whether someone who is not signed in finds the idea in the list."""
    context = browser.new_context(base_url=base_url)
    try:
        visitor = context.new_page()
        visitor.goto(f"{prefix}/ideas/?sort=newest")
        expect(visitor.locator("#idea-count")).to_be_visible()
        return visitor.locator("#idea-results h3 a", has_text=title).count() == 1
    finally:
        context.close()


@pytest.mark.parametrize("prefix", ["", "/cy"], ids=["english", "welsh"])
def test_an_idea_from_sharing_to_an_official_response(
    page: Page, browser: Browser, live_server, prefix: str
) -> None:
    words = JOURNEYS[prefix]
    english = not prefix
    author = User.objects.get(email=AUTHOR)
    author.preferred_language = words["language"]
    author.save(update_fields=["preferred_language"])
    similar = Idea.objects.get(title=words["similar"])

    # 1. The author starts to share an idea; the form offers a similar one as the title is typed.
    _sign_in(page, prefix, AUTHOR, DEMO_PASSWORD)
    page.goto(f"{prefix}/ideas/new/")
    _speaks(page, prefix, "Share an idea")
    page.locator("#id_title").press_sequentially(words["title"][:40])
    page.locator("#id_title").fill(words["title"])
    offered = page.locator(f"#similar-ideas a[href='{prefix}/ideas/{similar.pk}/']")
    expect(offered).to_have_text(words["similar"])
    expect(
        page.locator(f"#similar-ideas form[action='{prefix}/ideas/{similar.pk}/support/']")
    ).to_be_visible()
    if english:
        expect(page.get_by_role("heading", name="Ideas like yours")).to_be_visible()
    assert_accessible(page)

    # Posting without a description: the error summary says so and the title is kept.
    page.locator("input[name=level][value=government]").check()
    page.locator(f"input[name=language][value={words['language']}]").check()
    page.locator("button[name=post]").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("a[href='#id_body']")).to_be_visible()
    expect(summary).to_be_focused()
    expect(page.locator("#id_title")).to_have_value(words["title"])
    expect(page.locator("input[name=level][value=government]")).to_be_checked()
    if english:
        expect(summary).to_contain_text("Describe your idea.")
    else:
        expect(summary).not_to_contain_text("Describe your idea.")
    assert_accessible(page)

    # A preview, then the idea is posted and its page opens.
    page.locator("#id_body").fill(words["body"])
    page.locator("button[name=preview]").click()
    expect(page.locator("#preview-title")).to_be_visible()
    expect(page.locator("#preview-title").locator("..").locator("strong")).to_have_text(
        "every" if english else "addasiadau"
    )
    assert not Idea.objects.filter(title=words["title"]).exists()
    page.locator("button[name=post]").click()
    expect(page).to_have_url(re.compile(rf"{prefix}/ideas/\d+/$"))
    idea = Idea.objects.get(title=words["title"])
    assert idea.status == Status.PUBLISHED and idea.author == author
    idea_path = f"{prefix}/ideas/{idea.pk}/"
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title"])
    expect(page.locator("h1")).to_have_attribute("lang", words["language"])
    assert page.locator("html").get_attribute("lang") == ("cy" if prefix else "en")
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    if english:
        expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
            "Your idea has been published."
        )
    assert_accessible(page)

    # 2. Another member supports it, in place, and comments.
    supporter = cast(User, UserFactory(verified=True))
    _sign_in(page, prefix, supporter.email, PASSWORD)
    page.goto(idea_path)
    support = page.locator(f"#support-{idea.pk}")
    expect(support.locator("strong")).to_have_text(re.compile(r"\b0\b"))
    page.evaluate("window.stillTheSamePage = true")
    page.locator(f"#support-button-{idea.pk}").click()
    expect(support.locator("input[name=support]")).to_have_value("remove")
    expect(support.locator("strong")).to_have_text(re.compile(r"\b1\b"))
    if english:
        expect(support.locator("strong")).to_have_text("1 supporter")
        expect(page.get_by_role("button", name=re.compile("^Remove your support"))).to_be_visible()
    assert page.evaluate("window.stillTheSamePage") is True, "supporting reloaded the page"
    expect(page).to_have_url(re.compile(rf"{idea_path}$"))
    idea.refresh_from_db()
    assert idea.support_count == 1

    page.locator("#id_body").fill(words["comment"])
    page.locator(f"#comments > form[action='{idea_path}comments/'] button[type=submit]").click()
    expect(page.locator("#comments article").first).to_contain_text(words["comment"])
    expect(page.locator("#comments-title")).to_contain_text("1")
    assert_accessible(page)

    # 3. A third member reports it.
    reporter = cast(User, UserFactory(verified=True))
    _sign_in(page, prefix, reporter.email, PASSWORD)
    page.goto(idea_path)
    page.locator(f"a[href='{prefix}/moderation/report/idea/{idea.pk}/']").click()
    _speaks(page, prefix, "Report content")
    expect(page.locator(".govuk-inset-text a")).to_have_text(words["title"])
    assert_accessible(page)
    page.locator("input[name=reason][value=misleading]").check()
    page.locator("textarea[name=details]").fill(words["report"])
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"{idea_path}$"))
    assert Report.objects.filter(reporter=reporter, details=words["report"]).count() == 1
    # One report is not enough to take the idea out of view.
    assert _visitor_sees(browser, live_server.url, prefix, words["title"])

    # 4. A moderator finds the case in the queue, hides the idea, then restores it.
    _sign_in(page, prefix, MODERATOR, DEMO_PASSWORD)
    page.goto(f"{prefix}/moderation/")
    _speaks(page, prefix, "Moderation queue")
    case = Case.objects.get(object_id=idea.pk, reports__reporter=reporter)
    case_link = page.locator(f"#queue-results h3 a[href='{prefix}/moderation/cases/{case.pk}/']")
    expect(case_link).to_have_text(words["title"])
    assert_accessible(page)
    case_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title"])
    expect(page.locator("main")).to_contain_text(words["report"])
    assert_accessible(page)
    _decide(page, "hide", "Hidden while we check whether it repeats another idea.")
    idea.refresh_from_db()
    assert idea.status == Status.HIDDEN
    assert not _visitor_sees(browser, live_server.url, prefix, words["title"])

    page.goto(f"{prefix}/moderation/cases/{case.pk}/")
    _decide(page, "restore", "It is a different idea: restored.")
    idea.refresh_from_db()
    assert idea.status == Status.PUBLISHED
    assert _visitor_sees(browser, live_server.url, prefix, words["title"])

    # 5. An editor moves it to "under consideration", then "accepted", and responds.
    _sign_in(page, prefix, EDITOR, DEMO_PASSWORD)
    for status in (Status.UNDER_CONSIDERATION, Status.ACCEPTED):
        page.goto(idea_path)
        page.locator("select[name=status-status]").select_option(status.value)
        page.locator(f"form[action='{idea_path}status/'] button[type=submit]").click()
        expect(page).to_have_url(re.compile(rf"{idea_path}(#history)?$"))
        idea.refresh_from_db()
        assert idea.status == status
    tag = page.locator(".govuk-summary-list .govuk-tag")
    if english:
        expect(tag).to_have_text("Accepted")
    else:
        expect(tag).not_to_have_text("Accepted")
    page.locator("textarea[name=response-text]").fill(words["response"])
    page.locator(f"form[action='{idea_path}response/'] button[type=submit]").click()
    expect(page.locator("#official-response")).to_contain_text(words["response"])
    # Staff see the whole history: published, hidden, restored, considered, accepted.
    expect(page.locator("#history li")).to_have_count(5)
    if english:
        expect(page.locator("#history li").last).to_contain_text("Accepted")
    assert_accessible(page)

    # 6. The author's email, in their language, with the idea's address. The first piece of
    # news (the comment) goes at once; what follows within the hour waits for the next email.
    idea_url = settings.SITE_URL.rstrip("/") + idea_path
    first = [message for message in mail.outbox if message.to == [AUTHOR]]
    assert len(first) == 1, [message.subject for message in first]
    assert first[0].extra_headers["Content-Language"] == words["language"]
    assert words["title"] in first[0].subject
    assert words["comment"] in first[0].body
    assert idea_url in first[0].body
    if english:
        assert first[0].subject.endswith(f"New comment on “{words['title']}”")
    else:
        assert "New comment" not in first[0].subject
        assert "There is news about your idea" not in first[0].body

    # An hour later the waiting news goes out together.
    Notification.objects.filter(recipient=author, idea=idea, sent_at__isnull=False).update(
        sent_at=F("sent_at") - timedelta(hours=2)
    )
    send_idea_news.enqueue(recipient_id=author.pk, idea_id=idea.pk)
    news = [message for message in mail.outbox if message.to == [AUTHOR]]
    assert len(news) == 2, [message.subject for message in news]
    later = news[1]
    assert later.extra_headers["Content-Language"] == words["language"]
    assert words["response"] in later.body
    assert idea_url in later.body
    if english:
        assert "Under consideration" in later.body and "Accepted" in later.body
        assert later.subject.endswith(f"News about “{words['title']}”")
    else:
        assert "News about" not in later.subject
        assert "The campaign team published an official response" not in later.body


def _tab_until(page: Page, condition: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(condition):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


@pytest.mark.parametrize("prefix", ["", "/cy"], ids=["english", "welsh"])
def test_ideas_list_filters_by_keyboard_and_back_restores_them(page: Page, prefix: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{prefix}/ideas/")
    _speaks(page, prefix, "Ideas")
    assert_accessible(page)
    everything = page.locator("#idea-count").inner_text()

    # The filters sit in a closed "details": open it by keyboard, then tick a level with Space.
    _tab_until(page, "document.activeElement.classList.contains('govuk-details__summary')")
    page.keyboard.press("Enter")
    _tab_until(page, "document.activeElement.id === 'id_level_3'")
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(rf"{prefix}/ideas/\?(.*&)?level=government"))
    expect(page.locator("#idea-count")).not_to_have_text(everything)
    government = page.locator("#idea-count").inner_text()
    expect(page.locator("#idea-results h3 a")).to_have_count(6)  # the demo's six at this level
    # Only the results were replaced: the keyboard is still on the box just ticked.
    assert page.evaluate("document.activeElement.id") == "id_level_3"
    assert_accessible(page)

    page.go_back()
    expect(page).to_have_url(re.compile(rf"{prefix}/ideas/$"))
    expect(page.locator("#idea-count")).to_have_text(everything)
    expect(page.locator("#id_level_3")).not_to_be_checked()
    page.go_forward()
    expect(page.locator("#idea-count")).to_have_text(government)
    expect(page.locator("#id_level_3")).to_be_checked()
    # The page that came back still works: the narrow screen's menu opens.
    menu = page.locator(".govuk-js-service-navigation-toggle")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
