"""Sharing, changing and withdrawing an idea, and the email settings of followers."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from equityhub.accounts.tests.factories import UserFactory
from equityhub.campaigns.models import IdeasWindow
from equityhub.ideas import services
from equityhub.ideas.models import Follow, Idea, NotificationPreference, Status
from equityhub.ideas.notifications import make_unsubscribe_token
from equityhub.ideas.tests.factories import IdeaFactory, ThemeFactory, current_campaign
from equityhub.moderation.models import Suspension

pytestmark = pytest.mark.django_db

NEW = reverse("ideas:create")
HTMX = {"HX-Request": "true"}


@pytest.fixture
def campaign():
    return current_campaign()


def typed(**changes) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Adapt homes before discharge",
        "body": "Fund **home adaptations** so people leave hospital on time.",
        "level": "government",
        "language": "en",
        "show_name": "on",
        "post": "1",
    }
    data.update(changes)
    return data


# Sharing an idea.


def test_visitors_are_sent_to_sign_in(client, campaign):
    response = client.get(NEW)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_form_starts_in_the_page_language_with_the_name_shown(member_client, campaign):
    english = member_client.get(NEW).content.decode()
    welsh = member_client.get(f"/cy{NEW}").content.decode()

    assert 'value="en"\n                     checked' in english
    assert 'value="cy"\n                     checked' in welsh
    assert 'id="id_show_name" checked' in english


def test_a_member_shares_an_idea_and_lands_on_its_page(member_client, member, campaign):
    housing = ThemeFactory.create(slug="housing")

    response = member_client.post(NEW, typed(themes=["housing"]), follow=True)

    idea = Idea.objects.get()
    assert response.redirect_chain[-1][0] == idea.get_absolute_url()
    assert "Your idea has been published." in response.content.decode()
    assert (idea.author, idea.campaign, idea.status) == (member, campaign, Status.PUBLISHED)
    assert list(idea.themes.all()) == [housing]
    assert idea.show_name


def test_an_idea_held_for_review_says_it_is_awaiting_review(member_client, campaign):
    campaign.ideas_premoderated = True
    campaign.save()

    response = member_client.post(NEW, typed(), follow=True)

    assert "awaiting review" in response.content.decode()
    assert Idea.objects.get().status == Status.PENDING


def test_unticking_show_my_name_posts_as_a_member(member_client, campaign):
    member_client.post(NEW, typed(show_name=""))

    idea = Idea.objects.get()
    assert not idea.show_name
    assert "Morgan Member" not in Client().get(idea.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "x" * 141}, "Enter a title of 140 characters or fewer."),
        ({"title": ""}, "Enter a title for your idea."),
        ({"body": "   "}, "Describe your idea."),
        ({"level": "galaxy"}, "Choose one of the four levels."),
        ({"themes": ["no-such-theme"]}, "Choose themes from the list."),
        ({"language": "fr"}, "Choose English or Cymraeg."),
    ],
)
def test_bad_input_is_explained_and_everything_typed_is_kept(
    member_client, campaign, changes, message
):
    data = typed(**{"body": "My carefully written description", **changes})

    response = member_client.post(NEW, data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert message in page
    assert page.startswith("<!DOCTYPE html>")
    assert " ".join(page[page.index("<title>") + 7 :].split()).startswith("Error:")
    if "body" not in changes:
        assert "My carefully written description" in page
    if "title" in changes:
        assert f'value="{changes["title"]}"' in page
    else:
        assert 'value="Adapt homes before discharge"' in page
    assert not Idea.objects.exists()


def test_preview_shows_the_idea_without_saving_it(member_client, campaign):
    response = member_client.post(NEW, typed(preview="1", post=""))

    page = response.content.decode()
    assert "Preview: this is how your idea will look" in page
    assert "<strong>home adaptations</strong>" in page
    assert not Idea.objects.exists()


def test_a_filled_honeypot_is_refused_without_saying_why(member_client, campaign):
    response = member_client.post(NEW, typed(website="https://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == reverse("ideas:list")
    assert not Idea.objects.exists()


def test_the_rate_limit_is_explained_and_the_text_kept(member_client, campaign, settings):
    settings.EQUITYHUB_IDEAS_PER_HOUR = 1
    member_client.post(NEW, typed())

    response = member_client.post(NEW, typed(title="A second idea"))

    page = response.content.decode()
    assert "You have posted 1 ideas in the last hour" in page
    assert 'href="#id_title"' in page
    assert 'value="A second idea"' in page
    assert Idea.objects.count() == 1


def test_a_closed_campaign_takes_no_ideas(member_client, campaign):
    campaign.ideas_window = IdeasWindow.CLOSED
    campaign.save()

    assert "Ideas are closed" in member_client.get(NEW).content.decode()
    assert "Ideas are closed" in member_client.post(NEW, typed()).content.decode()
    assert not Idea.objects.exists()


def test_a_suspended_member_is_told_why_they_cannot_post(member_client, member, campaign):
    Suspension.objects.create(
        user=member,
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() + timedelta(days=2),
        reason="Repeated rudeness",
    )

    response = member_client.post(NEW, typed())

    assert response.status_code == 403
    assert "suspended your account" in response.content.decode()
    assert not Idea.objects.exists()


def test_there_is_a_page_when_no_campaign_is_current(client):
    response = client.get(reverse("ideas:list"))

    assert response.status_code == 200
    assert "No campaign is collecting ideas" in response.content.decode()


# Similar ideas while typing.


def test_similar_ideas_appear_with_a_button_to_support_them(member_client, member, campaign):
    theirs = IdeaFactory.create(title="Adapt homes before hospital discharge")
    mine = IdeaFactory.create(title="Adapt homes quickly", author=member)
    IdeaFactory.create(title="Something else entirely")

    response = member_client.get(reverse("ideas:similar"), {"title": "adapt homes"}, headers=HTMX)

    page = response.content.decode()
    assert "Adapt homes before hospital discharge" in page
    assert "Adapt homes quickly" in page
    assert "Something else entirely" not in page
    assert f'action="{reverse("ideas:support", args=[theirs.pk])}"' in page
    assert f'action="{reverse("ideas:support", args=[mine.pk])}"' not in page


def test_a_few_letters_bring_no_suggestions(member_client, campaign):
    IdeaFactory.create(title="Adapt homes")

    response = member_client.get(reverse("ideas:similar"), {"title": "ad"}, headers=HTMX)

    assert "Adapt homes" not in response.content.decode()


# Changing and withdrawing.


def test_the_author_changes_their_idea(member_client, member):
    idea = IdeaFactory.create(author=member, title="First title")

    form = member_client.get(reverse("ideas:edit", args=[idea.pk])).content.decode()
    member_client.post(reverse("ideas:edit", args=[idea.pk]), typed(title="Better title"))

    assert 'value="First title"' in form
    assert Idea.objects.get(pk=idea.pk).title == "Better title"


def test_no_one_changes_another_members_idea(member_client):
    idea = IdeaFactory.create(title="Not yours")

    assert member_client.get(reverse("ideas:edit", args=[idea.pk])).status_code == 403
    assert member_client.post(reverse("ideas:edit", args=[idea.pk]), typed()).status_code == 403
    assert Idea.objects.get(pk=idea.pk).title == "Not yours"


def test_an_idea_with_supporters_can_no_longer_be_changed(member_client, member, other_member):
    idea = IdeaFactory.create(author=member)
    services.support_add(idea=idea, user=other_member)

    response = member_client.get(reverse("ideas:edit", args=[idea.pk]))

    assert response.status_code == 403
    assert "Change your idea" not in member_client.get(idea.get_absolute_url()).content.decode()


def test_the_author_withdraws_their_idea_and_others_cannot(member_client, member, other_member):
    idea = IdeaFactory.create(author=member)
    url = reverse("ideas:withdraw", args=[idea.pk])
    other = Client()
    other.force_login(other_member)

    assert other.post(url).status_code == 403
    assert "Withdraw your idea" in member_client.get(url).content.decode()
    response = member_client.post(url, {"reason": "Done already"}, follow=True)

    assert Idea.objects.get(pk=idea.pk).status == Status.WITHDRAWN
    assert "Its author has withdrawn this idea" in response.content.decode()


# Email settings and unsubscribing.


def test_members_choose_which_email_they_get(member_client, member):
    url = reverse("ideas:notifications")

    page = member_client.get(url).content.decode()
    member_client.post(url, {"on_status": "on", "on_reply": "on"})

    assert page.count("checked") == 4
    preference = NotificationPreference.objects.get(user=member)
    assert (preference.on_status, preference.on_response) == (True, False)
    assert (preference.on_comment, preference.on_reply) == (False, True)


def test_the_settings_list_followed_ideas_with_a_way_to_stop(member_client, member):
    idea = IdeaFactory.create(title="Followed idea")
    services.follow(idea=idea, user=member)

    page = member_client.get(reverse("ideas:notifications")).content.decode()
    member_client.post(
        reverse("ideas:follow", args=[idea.pk]),
        {"follow": "remove", "next": reverse("ideas:notifications")},
    )

    assert "Followed idea" in page
    assert not Follow.objects.filter(user=member).exists()


def test_visitors_are_sent_to_sign_in_for_email_settings(client):
    assert client.get(reverse("ideas:notifications")).status_code == 302


def test_an_unsubscribe_link_asks_first_then_stops_the_email(client, member):
    idea = IdeaFactory.create(title="Noisy idea")
    services.follow(idea=idea, user=member)
    url = reverse(
        "ideas:unsubscribe", args=[make_unsubscribe_token(user_id=member.pk, idea_id=idea.pk)]
    )

    asked = client.get(url)
    assert "Noisy idea" in asked.content.decode()
    assert Follow.objects.filter(user=member).exists()

    done = client.post(url)
    assert "You have unsubscribed" in done.content.decode()
    assert not Follow.objects.filter(user=member).exists()


def test_one_click_unsubscribe_from_a_mail_client_needs_no_csrf_token(member):
    idea = IdeaFactory.create()
    services.follow(idea=idea, user=member)
    token = make_unsubscribe_token(user_id=member.pk, idea_id=idea.pk)
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(
        reverse("ideas:unsubscribe", args=[token]), {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert not Follow.objects.filter(user=member).exists()


def test_a_bad_unsubscribe_link_is_not_found(client):
    member = UserFactory.create()

    response = client.get(reverse("ideas:unsubscribe", args=[f"{member.pk}-not-a-token"]))

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
