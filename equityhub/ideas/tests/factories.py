"""Ideas test data: themes, ideas (published in a campaign open for ideas) and comments."""

from typing import cast

import factory
from django.utils import timezone

from equityhub.accounts.tests.factories import UserFactory
from equityhub.campaigns.models import Campaign, IdeasWindow
from equityhub.campaigns.tests.factories import CampaignFactory
from equityhub.core.text import markdown_to_html
from equityhub.ideas.models import Comment, Idea, Language, Level, Status, Theme


def current_campaign() -> Campaign:
    """The current campaign, made (open for ideas) if there is none yet."""
    campaign = Campaign.objects.filter(is_current=True).first()
    if campaign is None:
        campaign = cast(Campaign, CampaignFactory(is_current=True, ideas_window=IdeasWindow.OPEN))
    return campaign


class ThemeFactory(factory.django.DjangoModelFactory[Theme]):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")
    name_cy = factory.Sequence(lambda n: f"Thema {n}")
    position = factory.Sequence(lambda n: n)


class IdeaFactory(factory.django.DjangoModelFactory[Idea]):
    """A published idea in the current campaign (made open if missing). themes=[...] attaches."""

    class Meta:
        model = Idea
        skip_postgeneration_save = True

    campaign = factory.LazyFunction(current_campaign)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Idea number {n} for fairer health")
    body = "Occupational therapists could **visit** more places."
    body_html = factory.LazyAttribute(lambda idea: markdown_to_html(idea.body))
    level = Level.PROFESSION
    language = Language.ENGLISH
    show_name = True
    status = Status.PUBLISHED
    last_activity_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(self, create: bool, extracted: list[Theme] | None, **kwargs: object) -> None:
        idea = cast(Idea, self)
        if create and extracted:
            idea.themes.set(extracted)


class CommentFactory(factory.django.DjangoModelFactory[Comment]):
    """A published comment. The idea's comment_count is not changed: set it if a test needs it."""

    class Meta:
        model = Comment

    idea = factory.SubFactory(IdeaFactory)
    author = factory.SubFactory(UserFactory)
    body = "I agree, and in my area this would help."
    body_html = factory.LazyAttribute(lambda comment: markdown_to_html(comment.body))
    show_name = True
