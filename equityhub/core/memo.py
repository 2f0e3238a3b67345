"""Values a process works out once from its settings, and forgets when one of them changes.

A running site never changes its settings, so such a value could be kept for good; tests do
change them (`override_settings`), and must not see what was worked out before.
"""

from collections import defaultdict
from collections.abc import Callable
from typing import Any, Protocol

from django.core.signals import setting_changed
from django.dispatch import receiver

# The settings a translation depends on, beside the active language.
TRANSLATION_SETTINGS = ("LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS")


class Memo(Protocol):
    def cache_clear(self) -> None: ...


_MEMOS_BY_SETTING: dict[str, list[Memo]] = defaultdict(list)


def forgotten_when_changed[M: Memo](*settings: str) -> Callable[[M], M]:
    """Decorate a memo (a function under `functools.lru_cache`) to clear it whenever one of
    `settings` changes."""

    def register(memo: M) -> M:
        for setting in settings:
            _MEMOS_BY_SETTING[setting].append(memo)
        return memo

    return register


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs: Any) -> None:
    for memo in _MEMOS_BY_SETTING.get(setting, ()):
        memo.cache_clear()
