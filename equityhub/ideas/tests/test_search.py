"""Ideas and comments in the site search, and similar ideas offered while a member types."""

from typing import Any

import pytest
from django.test import Client

from equityhub.campaigns.models import IdeasWindow
from equityhub.campaigns.tests.factories import CampaignFactory
from equityhub.ideas import selectors, services
from equityhub.ideas.models import Idea, Language, Level, Status
from equityhub.ideas.tests.factories import current_campaign

pytestmark = pytest.mark.django_db


def post(author: Any, title: str, body: str, **fields: Any) -> Idea:
    values: dict[str, Any] = {"level": Level.PROFESSION, "language": Language.ENGLISH, **fields}
    return services.idea_create(
        author=author, campaign=current_campaign(), title=title, body=body, **values
    )


def search_page(client: Client, query: str, prefix: str = "") -> str:
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


class TestSiteSearch:
    @pytest.mark.parametrize("prefix", ["", "/cy"])
    def test_an_idea_is_found_in_both_languages(self, client, member, prefix):
        english = post(member, "Occupational therapists in every GP surgery", "Drop-in advice.")
        welsh = post(
            member,
            "Therapyddion galwedigaethol ym mhob meddygfa",
            "Cyngor galw heibio ar gadw gwaith.",
            language=Language.WELSH,
        )

        assert f'href="{prefix}/ideas/{english.pk}/"' in search_page(client, "surgery", prefix)
        assert f'href="{prefix}/ideas/{welsh.pk}/"' in search_page(client, "meddygfa", prefix)

    def test_a_comment_is_found_and_leads_to_its_place_in_the_discussion(
        self, client, member, other_member
    ):
        idea = post(member, "Housing planners and OTs together", "Design homes with us.")
        comment = services.comment_create(
            idea=idea, author=other_member, body="Tower Hamlets already does this."
        )

        page = search_page(client, "Hamlets")

        assert f'href="/ideas/{idea.pk}/#comment-{comment.pk}"' in page

    def test_ideas_held_for_review_are_not_found(self, client, member):
        campaign = current_campaign()
        campaign.ideas_premoderated = True
        campaign.save()
        idea = post(member, "Waiting for review", "Zebracrossing accessibility audits.")

        assert idea.status == Status.PENDING
        for prefix in ("", "/cy"):
            assert "Waiting for review" not in search_page(client, "zebracrossing", prefix)

    def test_hidden_ideas_and_their_comments_are_not_found(
        self, client, member, other_member, moderator
    ):
        idea = post(member, "Quokka wellbeing groups", "Outdoor groups for everyone.")
        services.comment_create(idea=idea, author=other_member, body="Wombat walks work too.")
        assert f'href="/ideas/{idea.pk}/"' in search_page(client, "quokka")
        assert "Wombat" in search_page(client, "wombat")

        services.idea_hide(idea=idea, actor=moderator, reason="Reported as off topic.")

        for prefix in ("", "/cy"):
            assert f"/ideas/{idea.pk}/" not in search_page(client, "quokka", prefix)
            assert f"/ideas/{idea.pk}/" not in search_page(client, "wombat", prefix)

        services.idea_restore(idea=idea, actor=moderator)
        assert f'href="/ideas/{idea.pk}/"' in search_page(client, "quokka")
        assert "Wombat" in search_page(client, "wombat")

    def test_a_removed_comment_is_not_found(self, client, member, other_member):
        idea = post(member, "Community gardens", "Prescribe gardening.")
        comment = services.comment_create(
            idea=idea, author=other_member, body="Marigolds help everyone."
        )
        services.comment_remove(comment=comment, actor=other_member)

        page = search_page(client, "marigolds")

        assert "Marigolds" not in page
        assert f"#comment-{comment.pk}" not in page

    def test_a_hidden_name_is_never_in_the_results(self, client, other_member):
        author = other_member
        author.display_name = "Gwenllian Quietly"
        author.save()
        idea = post(
            author, "Budgeting help in clinics", "Money worries harm health.", show_name=False
        )
        services.comment_create(
            idea=idea, author=author, body="Gwenllian would add benefits advice.", show_name=False
        )

        page = search_page(client, "budgeting")
        assert f'href="/ideas/{idea.pk}/"' in page
        assert "Quietly" not in page
        assert "Quietly" not in search_page(client, "benefits")
        assert f"/ideas/{idea.pk}/" not in search_page(client, "Quietly")


class TestSimilarIdeas:
    def test_a_welsh_idea_is_offered_for_english_words_it_shares(self, member):
        welsh = post(
            member,
            "Cefnogi pobl â COVID hir yn ôl i'r gwaith",
            "Mae COVID hir yn cadw llawer o bobl o'r gwaith.",
            language=Language.WELSH,
        )
        post(member, "Allotments for wellbeing", "Gardening together.")

        found = selectors.similar_ideas(
            campaign=current_campaign(), text="Rehabilitation after long COVID"
        )

        assert found == [welsh]

    def test_an_english_idea_is_offered_for_welsh_words_it_shares(self, member):
        english = post(
            member,
            "Learn from Tower Hamlets housing planners",
            "Occupational therapists there shape homes for disabled people.",
        )

        found = selectors.similar_ideas(
            campaign=current_campaign(), text="Cynllunwyr tai Tower Hamlets"
        )

        assert found == [english]

    def test_hidden_ideas_and_other_campaigns_are_not_offered(self, member, moderator):
        hidden = post(member, "Marmot towns everywhere", "Follow the Marmot review.")
        services.idea_hide(idea=hidden, actor=moderator, reason="Duplicate.")
        shown = post(member, "Read the Marmot review together", "A reading group.")
        services.idea_create(
            author=member,
            campaign=CampaignFactory.create(ideas_window=IdeasWindow.OPEN),
            title="Marmot in another year",
            body="Another campaign.",
            level=Level.GOVERNMENT,
            language=Language.ENGLISH,
        )

        found = selectors.similar_ideas(campaign=current_campaign(), text="Marmot")

        assert found == [shown]
        assert Idea.objects.get(pk=hidden.pk).status == Status.HIDDEN
