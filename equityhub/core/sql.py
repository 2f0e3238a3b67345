"""Small helpers for the few reads the site writes in SQL (decision 0008)."""

from collections.abc import Sized
from datetime import UTC, datetime


def placeholders(values: Sized) -> str:
    """One parameter mark per value, for `IN (…)`: the values travel as parameters."""
    return ", ".join(["%s"] * len(values))


def aware(value: datetime) -> datetime:
    """A stored time with its zone: SQLite hands back the UTC time it stored without one."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
