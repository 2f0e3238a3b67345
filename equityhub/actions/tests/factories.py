"""Action plan test data: teams, level routes and actions in the current campaign."""

from typing import Any, cast

import factory

from equityhub.actions.models import Action, ActionIdea, ActionStatus, LevelRoute, Team
from equityhub.ideas.models import Idea, Level
from equityhub.ideas.tests.factories import current_campaign


class TeamFactory(factory.django.DjangoModelFactory[Team]):
    class Meta:
        model = Team
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"team-{n}")
    name_en = factory.Sequence(lambda n: f"Team {n}")
    name_cy = factory.Sequence(lambda n: f"Tîm {n}")

    @factory.post_generation
    def members(self, create: bool, extracted: list[Any] | None, **kwargs: object) -> None:
        if create and extracted:
            cast(Team, self).members.set(extracted)


class LevelRouteFactory(factory.django.DjangoModelFactory[LevelRoute]):
    class Meta:
        model = LevelRoute
        django_get_or_create = ("level",)

    level = Level.PROFESSION
    team = factory.SubFactory(TeamFactory)


class ActionFactory(factory.django.DjangoModelFactory[Action]):
    """A planned (published) action; status=ActionStatus.DRAFT for a draft."""

    class Meta:
        model = Action
        skip_postgeneration_save = True

    campaign = factory.LazyFunction(current_campaign)
    team = factory.SubFactory(TeamFactory)
    level = Level.PROFESSION
    title_en = factory.Sequence(lambda n: f"Action number {n} for fairer health")
    title_cy = factory.Sequence(lambda n: f"Cam gweithredu rhif {n}")
    description_en = "We will **work** with universities on placements."
    description_cy = "Byddwn yn gweithio gyda phrifysgolion."
    status = ActionStatus.PLANNED

    @factory.post_generation
    def ideas(self, create: bool, extracted: list[Idea] | None, **kwargs: object) -> None:
        if create and extracted:
            for idea in extracted:
                ActionIdea.objects.create(
                    action=cast(Action, self), idea=idea, note="It asked for exactly this."
                )
