"""Reads for moderation: suspensions, word rules and the queue."""

import re
from functools import lru_cache
from typing import Any

from django.core.cache import cache
from django.utils import timezone

from equityhub.moderation.models import Suspension, WordRule

WORD_RULES_CACHE_KEY = "moderation:word-rules"


def is_suspended(*, user: Any) -> bool:
    """Whether the member is barred from taking part now (one query, once per user object)."""
    if user is None or not user.is_authenticated:
        return False
    cached = getattr(user, "_equityhub_suspended", None)
    if cached is None:
        cached = Suspension.objects.filter(
            user=user, starts_at__lte=timezone.now(), ends_at__gt=timezone.now()
        ).exists()
        user._equityhub_suspended = cached
    return bool(cached)


def active_suspension(*, user: Any) -> Suspension | None:
    now = timezone.now()
    return (
        Suspension.objects.filter(user=user, starts_at__lte=now, ends_at__gt=now)
        .order_by("-ends_at")
        .first()
    )


def _active_phrases() -> tuple[str, ...]:
    phrases = cache.get(WORD_RULES_CACHE_KEY)
    if phrases is None:
        phrases = tuple(
            WordRule.objects.filter(is_active=True).values_list("phrase", flat=True)
        )
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
