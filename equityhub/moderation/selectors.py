"""Reads for moderation: suspensions, word rules and the queue."""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, Model, QuerySet
from django.utils import timezone

from equityhub.moderation.models import Case, CaseState, Decision, Report, Suspension, WordRule
from equityhub.moderation.registry import (
    adapter_for,
    content_queryset,
    kind_key,
    model_for_kind,
    registered_models,
)

WORD_RULES_CACHE_KEY = "moderation:word-rules"


def is_suspended(*, user: Any) -> bool:
    """Whether the member is barred from taking part now (one query, once per user object)."""
    if user is None or not user.is_authenticated:
        return False
    cached = getattr(user, "_equityhub_suspended", None)
    if cached is None:
        cached = _suspensions_in_force(user).exists()
        user._equityhub_suspended = cached
    return bool(cached)


def _suspensions_in_force(user: Any) -> QuerySet[Suspension]:
    now = timezone.now()
    return Suspension.objects.filter(user=user, starts_at__lte=now, ends_at__gt=now)


def active_suspension(*, user: Any) -> Suspension | None:
    return _suspensions_in_force(user).order_by("-ends_at").first()


def _active_phrases() -> tuple[str, ...]:
    phrases = cache.get(WORD_RULES_CACHE_KEY)
    if phrases is None:
        phrases = tuple(WordRule.objects.filter(is_active=True).values_list("phrase", flat=True))
        cache.set(WORD_RULES_CACHE_KEY, phrases, 300)
    return tuple(phrases)


@lru_cache(maxsize=256)
def _pattern(phrase: str) -> re.Pattern[str]:
    # Whole words only, whatever the case: "ass" must not catch "assessment".
    return re.compile(rf"(?<!\w){re.escape(phrase.strip())}(?!\w)", re.IGNORECASE)


def matched_words(*texts: str) -> list[str]:
    """The word-list phrases that appear in any of `texts`, in list order."""
    found = []
    for phrase in _active_phrases():
        if any(_pattern(phrase).search(text or "") for text in texts):
            found.append(phrase)
    return found


# The queue, cases and the decision log ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseFilters:
    """The queue's filters; empty means any."""

    kind: str = ""  # a registry kind key: "idea", "comment"
    reason: str = ""
    state: str = CaseState.OPEN


@dataclass(frozen=True, slots=True)
class ContentView:
    """What the queue and a case page show about one piece of content, whatever its kind."""

    kind: str  # the registry key
    label: Any  # the adapter's translatable kind, such as "Idea"
    content: Any
    url: str
    author: Any
    is_visible: bool
    # When the author hid their name from the public; moderators still see who it is.
    name_hidden: bool


def kind_choices() -> list[tuple[str, Any]]:
    return [(kind_key(model), adapter_for(model).kind) for model in registered_models()]


def case_queue(*, filters: CaseFilters) -> QuerySet[Case]:
    """Cases newest first, with each case's report count (one query per page)."""
    cases = Case.objects.select_related("content_type").annotate(report_total=Count("reports"))
    if filters.state:
        cases = cases.filter(state=filters.state)
    if filters.reason:
        cases = cases.filter(reason=filters.reason)
    if filters.kind:
        model = model_for_kind(filters.kind)
        if model is None:
            return cases.none()
        cases = cases.filter(content_type=ContentType.objects.get_for_model(model))
    return cases.order_by("-opened_at", "-pk")


def content_views(items: Iterable[Any]) -> dict[tuple[int, int], ContentView]:
    """The content behind cases, reports or decisions, keyed by (content type id, object id).

    One query per kind of content, however many items there are.
    """
    wanted: dict[int, set[int]] = defaultdict(set)
    for item in items:
        if item.content_type_id is not None and item.object_id is not None:
            wanted[item.content_type_id].add(item.object_id)
    views: dict[tuple[int, int], ContentView] = {}
    for content_type_id, object_ids in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or model not in registered_models():
            continue
        adapter = adapter_for(model)
        for pk, content in content_queryset(model).in_bulk(object_ids).items():
            views[(content_type_id, pk)] = ContentView(
                kind=kind_key(model),
                label=adapter.kind,
                content=content,
                url=adapter.url(content),
                author=adapter.author(content),
                is_visible=adapter.is_visible(content),
                name_hidden=getattr(content, "show_name", True) is False,
            )
    return views


@dataclass(frozen=True, slots=True)
class QueueRow:
    case: Case
    content: ContentView | None


def queue_rows(cases: Iterable[Case]) -> list[QueueRow]:
    cases = list(cases)
    views = content_views(cases)
    return [QueueRow(case, views.get((case.content_type_id, case.object_id))) for case in cases]


def case_get(*, pk: int) -> Case | None:
    return Case.objects.select_related("content_type").filter(pk=pk).first()


def case_reports(*, case: Case) -> list[Report]:
    return list(case.reports.select_related("reporter").order_by("created_at", "pk"))


def content_decisions(*, content_type_id: int, object_id: int) -> list[Decision]:
    """Every decision ever made on one piece of content, newest first."""
    return list(
        Decision.objects.select_related("moderator", "subject").filter(
            content_type_id=content_type_id, object_id=object_id
        )
    )


def decision_log(*, action: str = "") -> QuerySet[Decision]:
    decisions = Decision.objects.select_related("moderator", "subject", "content_type")
    if action:
        decisions = decisions.filter(action=action)
    return decisions.order_by("-created_at", "-pk")


def decisions_about(*, member: Any, limit: int = 20) -> list[Decision]:
    return list(
        Decision.objects.select_related("moderator", "subject").filter(subject=member)[:limit]
    )


def has_open_report(*, content: Model, user: Any) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(content),
        object_id=content.pk,
        reporter=user,
        is_open=True,
    ).exists()
