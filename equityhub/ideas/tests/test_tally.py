"""The ideas' tally, kept by triggers in the database, against counting the ideas: whatever
writes them (services, a queryset, a bulk load, a cascade), the list's count stays exact."""

import contextlib

from django.db import transaction
from django.db.models import Count
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from equityhub.accounts.tests.factories import UserFactory
from equityhub.campaigns.tests.factories import CampaignFactory
from equityhub.ideas import services
from equityhub.ideas.models import Idea, IdeaTally, Language, Level, Status
from equityhub.ideas.tests.factories import IdeaFactory, current_campaign

GROUP = ("campaign_id", "status", "level", "language")


def tally() -> dict[tuple[object, ...], int]:
    return {
        tuple(row[:4]): row[4]
        for row in IdeaTally.objects.filter(ideas__gt=0).values_list(*GROUP, "ideas")
    }


def counted() -> dict[tuple[object, ...], int]:
    return {
        tuple(row[:4]): row[4]
        for row in Idea.objects.values_list(*GROUP).annotate(n=Count("id")).order_by()
    }


def test_the_tally_follows_the_services_and_a_cascade(db, editor, moderator):
    campaign = current_campaign()
    ideas = [IdeaFactory.create(level=level) for level in Level.values]
    IdeaFactory.create(language=Language.WELSH)
    assert tally() == counted()
    assert tally()[(campaign.pk, Status.PUBLISHED, Level.PROFESSION, Language.ENGLISH)] == 1

    services.idea_change_status(idea=ideas[0], actor=editor, to_status=Status.UNDER_CONSIDERATION)
    services.idea_hide(idea=ideas[1], actor=moderator, reason="Spam")
    services.idea_merge(source=ideas[2], target=ideas[3], actor=moderator)
    services.idea_withdraw(idea=ideas[3], actor=ideas[3].author)
    assert tally() == counted()

    Idea.objects.filter(level=Level.GOVERNMENT).update(level=Level.INDIVIDUAL)
    Idea.objects.bulk_create(IdeaFactory.build(campaign=campaign, author=None) for _ in range(3))
    Idea.objects.filter(pk=ideas[0].pk).delete()
    assert tally() == counted()

    other = CampaignFactory.create()
    IdeaFactory.create_batch(2, campaign=other)
    other.delete()
    assert tally() == counted()
    assert other.pk not in {group[0] for group in tally()}


def test_the_list_shows_the_count_of_the_ideas_it_lists(db, client):
    IdeaFactory.create_batch(25, level=Level.GOVERNMENT)
    IdeaFactory.create_batch(3, level=Level.INDIVIDUAL, language=Language.WELSH)
    IdeaFactory.create_batch(5, level=Level.GOVERNMENT, status=Status.HIDDEN)

    assert "28 ideas" in client.get("/ideas/").content.decode()
    assert "25 ideas" in client.get("/ideas/?level=government").content.decode()
    assert "3 ideas" in client.get("/ideas/?language=cy").content.decode()
    assert "5 ideas" not in client.get("/ideas/?status=hidden").content.decode()


class RolledBackError(Exception):
    """Ends an example, so that its writes are undone."""


write = st.one_of(
    st.tuples(
        st.just("create"),
        st.booleans(),
        st.sampled_from([s for s in Status.values if s != Status.MERGED]),
        st.sampled_from(Level.values),
        st.sampled_from(Language.values),
    ),
    st.tuples(st.just("status"), st.integers(0, 20), st.sampled_from(Status.values[:7])),
    st.tuples(st.just("level"), st.integers(0, 20), st.sampled_from(Level.values)),
    st.tuples(st.just("move"), st.integers(0, 20)),
    st.tuples(st.just("delete"), st.integers(0, 20)),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(writes=st.lists(write, max_size=12))
def test_the_tally_is_the_count_after_any_writes(db, writes):
    with contextlib.suppress(RolledBackError), transaction.atomic():
        campaigns = [current_campaign(), CampaignFactory.create()]
        author = UserFactory.create()
        for kind, *args in writes:
            ideas = list(Idea.objects.order_by("pk"))
            if kind == "create":
                elsewhere, status, level, language = args
                IdeaFactory.create(
                    campaign=campaigns[elsewhere],
                    author=author,
                    status=status,
                    status_reason="No." if status == Status.NOT_TAKEN_FORWARD else "",
                    level=level,
                    language=language,
                )
            elif not ideas:
                continue
            elif kind == "status":
                idea = ideas[args[0] % len(ideas)]
                idea.status = args[1]
                idea.status_reason = "No."
                idea.save()
            elif kind == "level":
                Idea.objects.filter(pk=ideas[args[0] % len(ideas)].pk).update(level=args[1])
            elif kind == "move":
                idea = ideas[args[0] % len(ideas)]
                other = campaigns[1] if idea.campaign_id == campaigns[0].pk else campaigns[0]
                Idea.objects.filter(pk=idea.pk).update(campaign=other)
            else:
                ideas[args[0] % len(ideas)].delete()
        assert tally() == counted()
        raise RolledBackError
