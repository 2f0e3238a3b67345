"""Moderation pages (being built)."""

from typing import Any

from django.http import Http404


def _missing(*args: Any, **kwargs: Any) -> Any:
    raise Http404


queue = case_detail = decision_log = report = suspend = _missing
