"""The ideas list, its feed and its export: what visitors, members and editors see."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from equityhub.accounts.tests.factories import UserFactory
from equityhub.campaigns.models import IdeasWindow
from equityhub.campaigns.tests.factories import CampaignFactory
from equityhub.core.text import markdown_to_html
from equityhub.ideas import services
from equityhub.ideas.models import Idea, Language, Level, Status
from equityhub.ideas.tests.factories import IdeaFactory, ThemeFactory, current_campaign
from equityhub.ideas.tests.pages import card_titles

pytestmark = pytest.mark.django_db

LIST = reverse("ideas:list")
HTMX = {"HX-Request": "true"}


def titles(response) -> list[str]:
    """The idea titles on a list page, in order."""
    return card_titles(response.content.decode())


def many_ideas(count: int, **fields) -> list[Idea]:
    """`count` published ideas in the current campaign, quickly (no search index)."""
    campaign = current_campaign()
    authors = [UserFactory.create(), UserFactory.create()]
    now = timezone.now()
    ideas = [
        Idea(
            campaign=campaign,
            author=authors[n % 2],
            title=f"Bulk idea {n}",
            body="Some text.",
            body_html=markdown_to_html("Some text."),
            level=Level.values[n % 4],
            language=Language.ENGLISH,
            show_name=bool(n % 3),
            support_count=n % 7,
            comment_count=n % 5,
            last_activity_at=now,
            **fields,
        )
        for n in range(count)
    ]
    created = Idea.objects.bulk_create(ideas)
    themes = [ThemeFactory.create(), ThemeFactory.create()]
    Idea.themes.through.objects.bulk_create(
        Idea.themes.through(idea_id=idea.pk, theme_id=themes[n % 2].pk)
        for n, idea in enumerate(created)
    )
    return created


# The list page.


def test_visitors_see_each_idea_with_its_counts_level_themes_and_author(client):
    housing = ThemeFactory.create(name_en="Housing", name_cy="Tai")
    idea = IdeaFactory.create(
        title="Adapt homes before discharge",
        level=Level.GOVERNMENT,
        themes=[housing],
        author=UserFactory.create(display_name="Nia Named"),
        support_count=3,
        comment_count=2,
    )

    response = client.get(LIST)

    page = response.content.decode()
    assert response.status_code == 200
    assert f'href="{idea.get_absolute_url()}"' in page
    assert "Adapt homes before discharge" in page
    assert "What to call on governments to do" in page
    assert "Housing" in page
    assert "3 supporters" in page
    assert "2 comments" in page
    assert "Nia Named" in page
    assert "Share an idea" in page
    # Visitors read; only members get buttons.
    assert "/support/" not in page


def test_an_author_who_hid_their_name_shows_as_a_member(client):
    IdeaFactory.create(author=UserFactory.create(display_name="Secret Sam"), show_name=False)

    page = client.get(LIST).content.decode()

    assert "Secret Sam" not in page
    assert "A member" in page


def test_the_list_leaves_out_ideas_that_are_not_public(client):
    IdeaFactory.create(title="Shown idea")
    for status in (Status.PENDING, Status.HIDDEN, Status.REJECTED, Status.WITHDRAWN):
        IdeaFactory.create(title=f"Idea {status}", status=status)

    assert titles(client.get(LIST)) == ["Shown idea"]


def test_filters_narrow_the_list_by_level_theme_status_and_language(client):
    housing = ThemeFactory.create(slug="housing")
    IdeaFactory.create(title="Government housing", level=Level.GOVERNMENT, themes=[housing])
    IdeaFactory.create(title="Government other", level=Level.GOVERNMENT)
    IdeaFactory.create(title="Individual housing", level=Level.INDIVIDUAL, themes=[housing])
    IdeaFactory.create(title="Accepted one", status=Status.ACCEPTED)
    IdeaFactory.create(title="Welsh one", language=Language.WELSH)
    IdeaFactory.create(title="Withdrawn one", status=Status.WITHDRAWN)

    assert set(titles(client.get(LIST, {"level": "government", "theme": "housing"}))) == {
        "Government housing"
    }
    assert titles(client.get(LIST, {"status": "accepted"})) == ["Accepted one"]
    assert titles(client.get(LIST, {"language": "cy"})) == ["Welsh one"]
    # Withdrawn ideas are listed only when asked for.
    assert titles(client.get(LIST, {"status": "withdrawn"})) == ["Withdrawn one"]
    # An idea with both chosen themes is listed once.
    second = ThemeFactory.create(slug="education")
    Idea.objects.get(title="Government housing").themes.add(second)
    assert (
        titles(client.get(LIST, {"theme": ["housing", "education"]})).count("Government housing")
        == 1
    )


def test_an_unknown_filter_value_is_reported_and_the_other_filters_still_apply(client):
    IdeaFactory.create(title="Welsh one", language=Language.WELSH)
    IdeaFactory.create(title="English one")

    response = client.get(LIST, {"level": "galaxy", "language": "cy"})

    assert response.status_code == 200
    assert "Choose levels from the list." in response.content.decode()
    assert titles(response) == ["Welsh one"]


def test_search_finds_ideas_by_their_words(client):
    IdeaFactory.create(
        title="Adapt homes before discharge", body="Housing adaptations save bed days."
    )
    IdeaFactory.create(title="Teach digital skills", body="Tablets for everyone.")

    response = client.get(LIST, {"q": "housing"})

    assert titles(response) == ["Adapt homes before discharge"]
    assert "1 idea" in response.content.decode()


def test_a_searched_list_pages_through_its_matches_in_the_chosen_order(client):
    for n in range(23):
        IdeaFactory.create(title=f"Housing idea {n:02d}", body="Homes first.", support_count=n)
    IdeaFactory.create(title="Teach digital skills", body="Tablets for everyone.")

    first = client.get(LIST, {"q": "housing", "sort": "supported"})
    second = client.get(LIST, {"q": "housing", "sort": "supported", "page": 2})

    assert "23 ideas" in first.content.decode()
    assert titles(first) == [f"Housing idea {n:02d}" for n in range(22, 2, -1)]
    assert titles(second) == ["Housing idea 02", "Housing idea 01", "Housing idea 00"]


def test_sorting_by_most_supported_and_most_discussed(client):
    IdeaFactory.create(title="Few", support_count=1, comment_count=9)
    IdeaFactory.create(title="Many", support_count=8, comment_count=0)

    assert titles(client.get(LIST, {"sort": "supported"})) == ["Many", "Few"]
    assert titles(client.get(LIST, {"sort": "discussed"})) == ["Few", "Many"]


def test_the_random_order_is_the_same_for_a_visitor_from_page_to_page(client):
    many_ideas(45)

    first = client.get(LIST, {"sort": "random"})
    again = client.get(LIST, {"sort": "random"})
    page_two = client.get(LIST, {"sort": "random", "page": 2})
    page_three = client.get(LIST, {"sort": "random", "page": 3})

    assert "ideas_seed" in first.cookies
    assert titles(first) == titles(again)
    seen = titles(first) + titles(page_two) + titles(page_three)
    assert len(seen) == len(set(seen)) == 45
    # The order belongs to this visitor: no shared cache may keep it.
    assert "private" in first["Cache-Control"]
    assert titles(first) != [f"Bulk idea {n}" for n in range(44, 24, -1)]


def test_twenty_ideas_a_page_with_links_that_keep_the_filters(client):
    many_ideas(25)

    first = client.get(LIST, {"sort": "newest"})
    second = client.get(LIST, {"sort": "newest", "page": 2})

    assert len(titles(first)) == 20
    assert len(titles(second)) == 5
    assert "?sort=newest&amp;page=2" in first.content.decode()
    assert "page 2 of 2" in second.content.decode()


def test_htmx_gets_the_results_region_and_a_restored_history_entry_the_whole_page(client):
    IdeaFactory.create(title="Adapt homes")

    partial = client.get(LIST, {"level": "profession"}, headers=HTMX)
    restored = client.get(LIST, headers={**HTMX, "HX-History-Restore-Request": "true"})
    full = client.get(LIST)

    assert "Adapt homes" in partial.content.decode()
    assert "<html" not in partial.content.decode()
    assert 'hx-swap-oob="true"' in partial.content.decode()
    assert "<html" in restored.content.decode()
    assert "<html" in full.content.decode()
    assert "HX-Request" in full["Vary"]


def test_a_closed_campaign_says_so_and_offers_no_share_button(client):
    campaign = current_campaign()
    campaign.ideas_window = IdeasWindow.CLOSED
    campaign.save()
    IdeaFactory.create(title="An old idea")

    page = client.get(LIST).content.decode()

    assert "not taking new ideas" in page
    assert "Share an idea" not in page
    assert "An old idea" in page


def test_another_campaign_by_its_slug_and_an_unknown_one_is_not_found(client):
    IdeaFactory.create(title="Current idea")
    past = CampaignFactory(slug="week-2019")
    IdeaFactory.create(title="Past idea", campaign=past)

    assert titles(client.get(LIST, {"campaign": "week-2019"})) == ["Past idea"]
    assert client.get(LIST, {"campaign": "no-such-week"}).status_code == 404
    # What cannot be a campaign's name is left out, as every other filter the form rejects.
    assert titles(client.get(LIST, {"campaign": "not a name!"})) == ["Current idea"]


def test_members_get_support_buttons_for_ideas_they_may_support(member_client, member):
    mine = IdeaFactory.create(title="Mine", author=member)
    theirs = IdeaFactory.create(title="Theirs")

    page = member_client.get(LIST).content.decode()

    assert f'action="{reverse("ideas:support", args=[theirs.pk])}"' in page
    # No button to support one's own idea, only its count.
    assert f'id="support-button-{mine.pk}"' not in page


def test_the_list_links_its_atom_feed_with_the_same_filters(client):
    current_campaign()

    page = client.get(LIST, {"level": "government", "sort": "supported"}).content.decode()

    assert '<link rel="alternate"' in page
    assert f'href="{reverse("ideas:feed")}?level=government"' in page


def test_a_hidden_author_is_a_member_in_english_and_aelod_in_welsh(client):
    IdeaFactory.create(show_name=False, author=UserFactory.create(display_name="Nia Secret"))

    english = client.get(LIST).content.decode()
    welsh = client.get("/cy/ideas/").content.decode()

    assert "A member" in english
    assert "Aelod" in welsh
    assert "A member" not in welsh
    assert "Nia Secret" not in english + welsh


def test_the_welsh_list_is_in_welsh(client):
    ThemeFactory.create(name_en="Housing", name_cy="Tai")
    IdeaFactory.create(themes=list(ThemeFactory._meta.model.objects.all()))

    response = client.get("/cy/ideas/")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy"' in page
    assert "Tai" in page
    assert 'href="/cy/ideas/' in page


@pytest.mark.parametrize("count", [10, 500])
def test_the_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    many_ideas(count)

    # The campaign with the themes, then the page's rows (with their themes and authors), each
    # carrying the count of the whole list.
    with django_assert_max_num_queries(2):
        response = client.get(LIST, {"sort": "supported"})
    assert len(titles(response)) == min(count, 20)
    client.get(LIST, {"q": "bulk"})  # on SQLite a process's first search reads a content type
    with django_assert_max_num_queries(2):
        response = client.get(LIST, {"q": "bulk", "sort": "random"})
    assert response.status_code == 200
    # A page past the last has no row to carry the count: the list is counted, and the last
    # page read instead.
    with django_assert_max_num_queries(4):
        response = client.get(LIST, {"sort": "supported", "page": 999})
    assert len(titles(response)) == (count - 1) % 20 + 1


@pytest.mark.parametrize("count", [10, 500])
def test_the_list_for_a_member_runs_a_fixed_number_of_queries(
    member_client, django_assert_max_num_queries, count
):
    many_ideas(count)

    with django_assert_max_num_queries(8):
        response = member_client.get(LIST, {"level": "government"})
    assert len(titles(response)) == min(count // 4, 20)


# The feed.


def test_the_feed_lists_new_public_ideas_with_the_list_filters(client):
    IdeaFactory.create(title="Government idea", level=Level.GOVERNMENT, body="Fund *adaptations*.")
    IdeaFactory.create(title="Individual idea", level=Level.INDIVIDUAL)
    IdeaFactory.create(title="Hidden idea", level=Level.GOVERNMENT, status=Status.HIDDEN)

    everything = client.get(reverse("ideas:feed"))
    government = client.get(reverse("ideas:feed"), {"level": "government"})

    assert everything["Content-Type"].startswith("application/atom+xml")
    feed = everything.content.decode()
    assert "Government idea" in feed and "Individual idea" in feed
    assert "Hidden idea" not in feed
    assert "&lt;em&gt;adaptations&lt;/em&gt;" in feed
    assert "Individual idea" not in government.content.decode()


def test_the_feed_respects_an_authors_choice_to_hide_their_name(client):
    IdeaFactory.create(author=UserFactory.create(display_name="Secret Sam"), show_name=False)
    IdeaFactory.create(author=UserFactory.create(display_name="Open Olly"))

    feed = client.get(reverse("ideas:feed")).content.decode()

    assert "Secret Sam" not in feed
    assert "<name>A member</name>" in feed
    assert "<name>Open Olly</name>" in feed


@pytest.mark.parametrize("count", [10, 500])
def test_the_feed_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    many_ideas(count)

    with django_assert_max_num_queries(4):
        assert client.get(reverse("ideas:feed")).status_code == 200


# The CSV export.


def export(client, **params) -> list[dict[str, str]]:
    response = client.get(reverse("ideas:export"), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_only_editors_may_export(client, member):
    assert client.get(reverse("ideas:export")).status_code == 302
    client.force_login(member)
    assert client.get(reverse("ideas:export")).status_code == 403


def test_editors_export_ideas_with_counts_and_hidden_names_stay_hidden(client, editor):
    housing = ThemeFactory.create(name_en="Housing")
    idea = IdeaFactory.create(
        title="=Adapt homes",
        author=UserFactory.create(display_name="Secret Sam"),
        show_name=False,
        themes=[housing],
        support_count=4,
        comment_count=1,
    )
    IdeaFactory.create(author=UserFactory.create(display_name="Open Olly"))
    client.force_login(editor)

    rows = export(client)

    assert list(rows[0]) == [
        "id",
        "title",
        "level",
        "themes",
        "status",
        "language",
        "supports",
        "comments",
        "created",
        "author",
        "url",
    ]
    row = next(r for r in rows if r["id"] == str(idea.pk))
    assert row["author"] == "A member"
    assert row["themes"] == "Housing"
    assert (row["supports"], row["comments"], row["status"]) == ("4", "1", "published")
    # A title a spreadsheet would run as a formula stays text.
    assert row["title"] == "'=Adapt homes"
    assert row["url"].endswith(idea.get_absolute_url())
    assert {r["author"] for r in rows} == {"A member", "Open Olly"}


def test_admins_export_the_real_names(client, admin_user):
    IdeaFactory.create(author=UserFactory.create(display_name="Secret Sam"), show_name=False)
    client.force_login(admin_user)

    assert [row["author"] for row in export(client)] == ["Secret Sam"]


@pytest.mark.parametrize("count", [10, 500])
def test_the_export_runs_a_fixed_number_of_queries(
    client, editor, django_assert_max_num_queries, count
):
    many_ideas(count)
    client.force_login(editor)

    with django_assert_max_num_queries(7):
        rows = export(client)
    assert len(rows) == count


def test_ideas_created_over_an_hour_ago_export_with_their_time(client, editor):
    idea = IdeaFactory.create()
    Idea.objects.filter(pk=idea.pk).update(created_at=timezone.now() - timedelta(days=2))
    client.force_login(editor)

    (row,) = export(client)

    assert row["created"].startswith(str(timezone.localdate() - timedelta(days=2)))


def test_support_added_by_services_shows_on_the_list_at_once_for_members(
    member_client, member, other_member
):
    idea = IdeaFactory.create(title="Backed")
    services.support_add(idea=idea, user=other_member)

    assert "1 supporter" in member_client.get(LIST).content.decode()
