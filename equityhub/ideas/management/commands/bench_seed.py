"""`manage.py bench_seed`: fill an empty database with a busy campaign for `make bench`.

Rows are written with bulk_create rather than through the services, so that 75,000 of them
take seconds; the command therefore sets what the services would have kept exact itself:
support_count, comment_count, last_activity_at, version, body_html, the status history, the
author's follow and the search documents.
"""

import json
import random
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, models, transaction
from django.utils import timezone

from equityhub.campaigns.models import Campaign, IdeasWindow
from equityhub.core.models import SearchDocument
from equityhub.core.search import ranked_ids
from equityhub.core.search.registry import unsaved_documents
from equityhub.core.text import markdown_to_html
from equityhub.ideas.management.commands import _bench_text as text
from equityhub.ideas.models import (
    Comment,
    Follow,
    Idea,
    Language,
    Level,
    Status,
    StatusChange,
    Support,
    Theme,
)

BATCH = 2000
# Shares of ideas by status and the steps that led there (all of them public).
STATUS_WEIGHTS = {
    Status.PUBLISHED: 70,
    Status.UNDER_CONSIDERATION: 12,
    Status.ACCEPTED: 6,
    Status.NOT_TAKEN_FORWARD: 4,
    Status.IN_ACTION_PLAN: 4,
    Status.IMPLEMENTED: 4,
}
STATUS_PATHS = {
    Status.PUBLISHED: [],
    Status.UNDER_CONSIDERATION: [Status.UNDER_CONSIDERATION],
    Status.ACCEPTED: [Status.UNDER_CONSIDERATION, Status.ACCEPTED],
    Status.NOT_TAKEN_FORWARD: [Status.UNDER_CONSIDERATION, Status.NOT_TAKEN_FORWARD],
    Status.IN_ACTION_PLAN: [Status.UNDER_CONSIDERATION, Status.ACCEPTED, Status.IN_ACTION_PLAN],
    Status.IMPLEMENTED: [
        Status.UNDER_CONSIDERATION,
        Status.ACCEPTED,
        Status.IN_ACTION_PLAN,
        Status.IMPLEMENTED,
    ],
}
# One idea in this many has no theme (the theme suggestions' benchmark needs some).
UNTHEMED_EVERY = 10
RESPONSE = "Thank you. We will take this to the action plan working group in the spring."
REASON = "This is outside what the professional body can influence this year."


@contextmanager
def given_timestamps(*model_classes: type[models.Model]) -> Iterator[None]:
    """Let bulk_create keep the created_at and updated_at values we give, for a real spread."""
    fields = [
        field
        for model in model_classes
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    return start + (end - start) * rng.random()


class Command(BaseCommand):
    help = "Fill an empty database with one campaign of many ideas, supports and comments."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--ideas", type=int, default=5000)
        parser.add_argument("--supports", type=int, default=50_000)
        parser.add_argument("--comments", type=int, default=20_000)
        parser.add_argument("--members", type=int, default=2000)
        parser.add_argument(
            "--detail-comments", type=int, default=50, help="comments on the measured idea page"
        )
        parser.add_argument("--seed", type=int, default=2021, help="the same seed, the same data")
        parser.add_argument("--summary", type=Path, help="write what was made here, as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        if Idea.objects.exists() or Campaign.objects.exists():
            raise CommandError("bench_seed fills an empty database; this one has content.")
        rng = random.Random(options["seed"])
        self.now = timezone.now()
        with transaction.atomic(), given_timestamps(Idea, Comment, Support, StatusChange):
            summary = self.seed(rng, options)
        if connection.vendor == "postgresql":
            # What autovacuum would soon do on a live server: statistics for the planner.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        summary["housing_matches"] = len(ranked_ids(Idea, "housing", limit=10_000))
        if options["summary"]:
            options["summary"].write_text(json.dumps(summary, indent=2) + "\n")
        self.stdout.write(self.style.SUCCESS(json.dumps(summary)))

    def seed(self, rng: random.Random, options: dict[str, Any]) -> dict[str, Any]:
        campaign = Campaign.objects.create(
            slug="ot-week-bench",
            year=self.now.year,
            title_en="Occupational Therapy Week: #OTsForEquity",
            title_cy="Wythnos Therapi Galwedigaethol: #OTsForEquity",
            summary_en="What each of us, the profession and governments can do for health equity.",
            summary_cy="Beth all pob un ohonom, y proffesiwn a llywodraethau ei wneud.",
            starts_on=self.now.date() - timedelta(days=30),
            ends_on=self.now.date() + timedelta(days=7),
            is_current=True,
            ideas_window=IdeasWindow.OPEN,
        )
        themes = {
            slug: Theme.objects.create(slug=slug, name_en=en, name_cy=cy, position=i)
            for i, (slug, en, cy) in enumerate(text.THEMES)
        }
        members = self.members(rng, options["members"])
        editor = get_user_model().objects.create(
            email="editor@bench.example", display_name="Eddie Editor", is_staff=True
        )
        ideas = self.ideas(rng, campaign, members, editor, themes, options["ideas"])
        detail = ideas[min(100, len(ideas) - 1)]
        supports = self.supports(rng, ideas, members, options["supports"])
        comments = self.comments(
            rng, ideas, members, detail, options["comments"], options["detail_comments"]
        )
        self.finish_ideas(ideas, supports, comments)
        documents = [doc for obj in [*ideas, *comments] for doc in unsaved_documents(obj)]
        SearchDocument.objects.bulk_create(documents, batch_size=BATCH)
        return {
            "campaign": campaign.slug,
            "members": len(members),
            "ideas": len(ideas),
            "unthemed_ideas": len(ideas) // UNTHEMED_EVERY,
            "supports": len(supports),
            "comments": len(comments),
            "search_documents": len(documents),
            "detail_path": detail.get_absolute_url(),
            "detail_comments": detail.comment_count,
        }

    def members(self, rng: random.Random, count: int) -> list[Any]:
        user_model = get_user_model()
        users = [
            user_model(
                email=f"member{i}@bench.example",
                display_name=text.member_name(rng),
                password=make_password(None),  # unusable: nobody signs in as them
                preferred_language="cy" if rng.random() < 0.15 else "en",
            )
            for i in range(count)
        ]
        return user_model.objects.bulk_create(users, batch_size=BATCH)

    def ideas(
        self,
        rng: random.Random,
        campaign: Campaign,
        members: list[Any],
        editor: Any,
        themes: dict[str, Theme],
        count: int,
    ) -> list[Idea]:
        start = self.now - timedelta(days=30)
        slugs = list(themes)
        statuses = list(STATUS_WEIGHTS)
        weights = list(STATUS_WEIGHTS.values())
        ideas = []
        for i in range(count):
            created = start + timedelta(days=29) * (i + rng.random()) / count
            level = rng.choice(Level.values)
            language = Language.WELSH if rng.random() < 0.15 else Language.ENGLISH
            chosen = rng.sample(slugs, k=rng.choice([1, 1, 2, 3]))
            words = text.idea_text(rng, theme=chosen[0], level=level, language=language)
            status = rng.choices(statuses, weights)[0]
            idea = Idea(
                campaign=campaign,
                author=rng.choice(members),
                title=words.title,
                body=words.body,
                body_html=markdown_to_html(words.body),
                level=level,
                language=language,
                show_name=rng.random() < 0.8,
                status=status,
                status_reason=REASON if status == Status.NOT_TAKEN_FORWARD else "",
                created_at=created,
                updated_at=created,
                last_activity_at=created,
            )
            if status in {Status.ACCEPTED, Status.NOT_TAKEN_FORWARD, Status.IN_ACTION_PLAN}:
                idea.official_response = RESPONSE
                idea.official_response_html = markdown_to_html(RESPONSE)
                idea.official_response_at = _between(rng, created, self.now)
                idea.official_response_by = editor
            idea.bench_themes = [themes[slug] for slug in chosen]  # type: ignore[attr-defined]
            ideas.append(idea)
        Idea.objects.bulk_create(ideas, batch_size=BATCH)
        through = Idea.themes.through
        # Every tenth idea is left without a theme, for the theme suggestions to work on; its
        # text still follows its first theme, as a member who skipped the field would write.
        Idea.themes.through.objects.bulk_create(
            [
                through(idea_id=idea.pk, theme_id=theme.pk)
                for n, idea in enumerate(ideas)
                if n % UNTHEMED_EVERY != UNTHEMED_EVERY - 1
                for theme in idea.bench_themes  # type: ignore[attr-defined]
            ],
            batch_size=BATCH,
        )
        Follow.objects.bulk_create(
            [Follow(idea=idea, user=idea.author) for idea in ideas], batch_size=BATCH
        )
        self.history(rng, ideas, editor)
        return ideas

    def history(self, rng: random.Random, ideas: list[Idea], editor: Any) -> None:
        changes = []
        for idea in ideas:
            at = idea.created_at
            changes.append(
                StatusChange(
                    idea=idea, to_status=Status.PUBLISHED, actor=idea.author, created_at=at
                )
            )
            previous = Status.PUBLISHED
            for step in STATUS_PATHS[Status(idea.status)]:
                at = _between(rng, at, self.now)
                reason = idea.status_reason if step == Status.NOT_TAKEN_FORWARD else ""
                changes.append(
                    StatusChange(
                        idea=idea,
                        from_status=previous,
                        to_status=step,
                        actor=editor,
                        reason=reason,
                        created_at=at,
                    )
                )
                previous = step
        StatusChange.objects.bulk_create(changes, batch_size=BATCH)

    def supports(
        self, rng: random.Random, ideas: list[Idea], members: list[Any], count: int
    ) -> list[Support]:
        # A few ideas draw most of the support, as on every such site.
        weights = [1 / (rank + 1) ** 0.7 for rank in range(len(ideas))]
        rng.shuffle(weights)
        seen: set[tuple[int, int]] = set()
        supports: list[Support] = []
        while len(supports) < count:
            for idea in rng.choices(ideas, weights, k=count - len(supports)):
                user = rng.choice(members)
                if user.pk == idea.author_id or (idea.pk, user.pk) in seen:
                    continue
                seen.add((idea.pk, user.pk))
                created = _between(rng, idea.created_at, self.now)
                supports.append(Support(idea=idea, user=user, created_at=created))
        return Support.objects.bulk_create(supports, batch_size=BATCH)

    def comments(
        self,
        rng: random.Random,
        ideas: list[Idea],
        members: list[Any],
        detail: Idea,
        count: int,
        detail_count: int,
    ) -> list[Comment]:
        others = [idea for idea in ideas if idea.pk != detail.pk]
        weights = [1 / (rank + 1) ** 0.7 for rank in range(len(others))]
        rng.shuffle(weights)
        per_idea: dict[int, int] = defaultdict(int)
        for idea in rng.choices(others, weights, k=max(0, count - detail_count)):
            per_idea[idea.pk] += 1
        per_idea[detail.pk] = detail_count
        by_pk = {idea.pk: idea for idea in ideas}
        tops: list[Comment] = []
        replies: list[tuple[Comment, Comment]] = []
        for pk, number in per_idea.items():
            idea = by_pk[pk]
            theme = idea.bench_themes[0].slug  # type: ignore[attr-defined]
            times = sorted(_between(rng, idea.created_at, self.now) for _ in range(number))
            thread: list[Comment] = []
            for at in times:
                body = text.comment_text(rng, theme=theme, language=idea.language)
                comment = Comment(
                    idea=idea,
                    author=rng.choice(members),
                    body=body,
                    body_html=markdown_to_html(body),
                    show_name=rng.random() < 0.85,
                    created_at=at,
                    updated_at=at,
                )
                if thread and rng.random() < 0.3:
                    replies.append((comment, rng.choice(thread)))
                else:
                    thread.append(comment)
                    tops.append(comment)
        Comment.objects.bulk_create(tops, batch_size=BATCH)
        for reply, parent in replies:
            reply.parent = parent
        Comment.objects.bulk_create([reply for reply, _parent in replies], batch_size=BATCH)
        return tops + [reply for reply, _parent in replies]

    def finish_ideas(
        self, ideas: list[Idea], supports: list[Support], comments: list[Comment]
    ) -> None:
        """Counts, last activity and version, as the services would have left them."""
        by_pk = {idea.pk: idea for idea in ideas}
        for support in supports:
            idea = by_pk[support.idea_id]
            idea.support_count += 1
            idea.last_activity_at = max(idea.last_activity_at, support.created_at)
        for comment in comments:
            idea = by_pk[comment.idea_id]
            idea.comment_count += 1
            idea.last_activity_at = max(idea.last_activity_at, comment.created_at)
        for idea in ideas:
            idea.version = 1 + idea.support_count + idea.comment_count
        Idea.objects.bulk_update(
            ideas, ["support_count", "comment_count", "last_activity_at", "version"], BATCH
        )
