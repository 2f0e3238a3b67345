"""Demo ideas: the ten themes, a few members, and their ideas for #OTsForEquity (2021), with
a smaller set from the 2020 edition for the gap map to compare with.

`load_demo_ideas()` is idempotent. Themes are matched by slug and written only when a name or
position differs; members by email address; ideas by campaign and title. An idea that is
already there is left as it is (people may have supported, discussed or moderated it since),
and a missing one is posted again with its supports, discussion and history.

Everything goes through the services, as if the members had clicked, so the counts, the
timeline and the search index are right; the moments are then moved back to November 2021,
when the campaign week ran. The news this makes is history: nobody is emailed about it.
The 2020 edition no longer takes ideas, so it is opened while its ideas are posted and closed
again straight after.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import translation

from equityhub.accounts.demo import DEMO_ACCOUNTS, create_demo_accounts
from equityhub.accounts.models import User
from equityhub.accounts.roles import MEMBER
from equityhub.campaigns.models import Campaign, IdeasWindow
from equityhub.ideas import services
from equityhub.ideas.demo import ideas_2020
from equityhub.ideas.demo.content import DEMO_MEMBERS, THEMES, DemoIdea, DemoMember, DemoTheme
from equityhub.ideas.demo.ideas_2021 import CAMPAIGN_SLUG, IDEAS
from equityhub.ideas.models import (
    Comment,
    Follow,
    Idea,
    Notification,
    StatusChange,
    Support,
    Theme,
)

__all__ = ["DEMO_MEMBERS", "EDITIONS", "IDEAS", "IDEAS_2020", "THEMES", "load_demo_ideas"]

IDEAS_2020 = ideas_2020.IDEAS
# Each edition with demo ideas: its campaign's slug and its ideas, loaded in this order.
EDITIONS: tuple[tuple[str, tuple[DemoIdea, ...]], ...] = (
    (CAMPAIGN_SLUG, IDEAS),
    (ideas_2020.CAMPAIGN_SLUG, IDEAS_2020),
)

# Supports arrive through the week after an idea is posted, a few hours apart.
SUPPORT_SPACING = timedelta(hours=5)


def load_demo_ideas() -> int:
    """Create what is missing of the demo themes, members and ideas; return how many demo
    ideas there are. The 2020 and 2021 campaigns and the demo accounts must be loaded first
    (load_demo does both)."""
    with translation.override("en"), transaction.atomic():
        campaigns = {slug: _campaign(slug) for slug, _ in EDITIONS}
        themes = {
            demo.slug: _load_theme(demo, position=position)
            for position, demo in enumerate(THEMES, start=1)
        }
        people = _people()
        count = 0
        posted: list[int] = []
        for slug, ideas in EDITIONS:
            campaign = campaigns[slug]
            existing = set(
                Idea.objects.filter(
                    campaign=campaign, title__in=[demo.title for demo in ideas]
                ).values_list("title", flat=True)
            )
            missing = [demo for demo in ideas if demo.title not in existing]
            if missing:
                with _taking_ideas(campaign):
                    posted += [
                        _post(demo, campaign=campaign, themes=themes, people=people)
                        for demo in missing
                    ]
            count += len(ideas)
        Notification.objects.filter(idea_id__in=posted).delete()
    return count


def _campaign(slug: str) -> Campaign:
    campaign = Campaign.objects.filter(slug=slug).first()
    if campaign is None:
        raise ImproperlyConfigured(f"Load the demo campaigns before the ideas ({slug}).")
    return campaign


@contextmanager
def _taking_ideas(campaign: Campaign) -> Iterator[None]:
    """The campaign open for ideas while the block runs, then as it was (a past edition
    is closed: its ideas are posted now as if it were still running)."""
    if campaign.ideas_are_open():
        yield
        return
    window = campaign.ideas_window
    Campaign.objects.filter(pk=campaign.pk).update(ideas_window=IdeasWindow.OPEN)
    campaign.ideas_window = IdeasWindow.OPEN
    try:
        yield
    finally:
        Campaign.objects.filter(pk=campaign.pk).update(ideas_window=window)
        campaign.ideas_window = window


def _load_theme(demo: DemoTheme, *, position: int) -> Theme:
    values = {"name_en": demo.en, "name_cy": demo.cy, "position": position}
    theme = Theme.objects.filter(slug=demo.slug).first()
    if theme is None:
        theme = Theme(slug=demo.slug, **values)
        theme.full_clean()
        theme.save()
        return theme
    changed = [name for name, value in values.items() if getattr(theme, name) != value]
    if changed:
        for name in changed:
            setattr(theme, name, values[name])
        theme.save(update_fields=[*changed, "updated_at"])
    return theme


def _people() -> dict[str, User]:
    """Everyone the demo ideas name, by key: the demo accounts by role, then the members."""
    accounts = create_demo_accounts()
    people = {account.role: user for account, user in zip(DEMO_ACCOUNTS, accounts, strict=True)}
    for member in DEMO_MEMBERS:
        people[member.key] = _member(member)
    return people


def _member(demo: DemoMember) -> User:
    user = User.objects.filter(email__iexact=demo.email).first()
    if user is None:
        # No password: these members exist to take part in the demo discussion.
        user = User.objects.create_user(
            demo.email,
            None,
            display_name=demo.display_name,
            region=demo.region,
            profession=demo.profession,
            preferred_language=demo.preferred_language,
        )
        user.groups.add(Group.objects.get_or_create(name=MEMBER)[0])
    return user


def _post(
    demo: DemoIdea, *, campaign: Campaign, themes: dict[str, Theme], people: dict[str, User]
) -> int:
    """Post one idea with everything that happened to it, then date it all to its campaign
    week."""
    editor = people["editor"]
    idea = services.idea_create(
        author=people[demo.author],
        campaign=campaign,
        title=demo.title,
        body=demo.body,
        level=demo.level,
        language=demo.language,
        themes=[themes[slug] for slug in demo.themes],
        show_name=demo.show_name,
    )
    moments: list[datetime] = [demo.posted]
    StatusChange.objects.filter(idea=idea).update(created_at=demo.posted)
    Follow.objects.filter(idea=idea).update(created_at=demo.posted)

    for number, key in enumerate(demo.supporters, start=1):
        services.support_add(idea=idea, user=people[key])
        supported = demo.posted + number * SUPPORT_SPACING
        _date(Support.objects.filter(idea=idea, user=people[key]), supported)
        moments.append(supported)
    for key in demo.followers:
        services.follow(idea=idea, user=people[key])
        _date(Follow.objects.filter(idea=idea, user=people[key]), demo.posted)

    for demo_comment in demo.comments:
        comment = services.comment_create(
            idea=idea,
            author=people[demo_comment.author],
            body=demo_comment.body,
            show_name=demo_comment.show_name,
        )
        _date_comment(comment, demo_comment.at)
        moments.append(demo_comment.at)
        if demo_comment.official:
            services.comment_mark_official(comment=comment, actor=editor)
        for reply in demo_comment.replies:
            answer = services.comment_create(
                idea=idea,
                author=people[reply.author],
                body=reply.body,
                parent=comment,
                show_name=reply.show_name,
            )
            _date_comment(answer, reply.at)
            moments.append(reply.at)

    for step in demo.statuses:
        services.idea_change_status(
            idea=idea, actor=editor, to_status=step.status, reason=step.reason
        )
        latest = StatusChange.objects.filter(idea=idea).order_by("-pk")[:1].get()
        _date(StatusChange.objects.filter(pk=latest.pk), step.at)
        moments.append(step.at)
    if demo.response is not None:
        services.idea_set_official_response(idea=idea, actor=editor, text=demo.response.text)
        Idea.objects.filter(pk=idea.pk).update(official_response_at=demo.response.at)
        moments.append(demo.response.at)

    Idea.objects.filter(pk=idea.pk).update(
        created_at=demo.posted, updated_at=max(moments), last_activity_at=max(moments)
    )
    return idea.pk


def _date(rows: Any, moment: datetime) -> None:
    rows.update(created_at=moment)


def _date_comment(comment: Comment, moment: datetime) -> None:
    Comment.objects.filter(pk=comment.pk).update(created_at=moment, updated_at=moment)
