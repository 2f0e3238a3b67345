"""Caching of whole pages for visitors who are not signed in (being built)."""

from collections.abc import Callable
from typing import Any


def public_page_cache(view: Callable[..., Any]) -> Callable[..., Any]:
    return view
