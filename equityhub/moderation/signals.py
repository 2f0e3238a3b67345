from typing import Any

from django.core.cache import cache

from equityhub.moderation.selectors import WORD_RULES_CACHE_KEY


def forget_word_rules(**kwargs: Any) -> None:
    """A changed word list applies to the next post, not in five minutes."""
    cache.delete(WORD_RULES_CACHE_KEY)
