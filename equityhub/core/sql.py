"""Small helpers for the few reads the site writes in SQL (decision 0008)."""

from collections.abc import Callable, Sequence, Sized
from datetime import UTC, datetime
from typing import Any

from django.db import connection
from django.db.models import Model
from django.db.models.expressions import Col


def placeholders(values: Sized) -> str:
    """One parameter mark per value, for `IN (…)`: the values travel as parameters."""
    return ", ".join(["%s"] * len(values))


def aware(value: datetime) -> datetime:
    """A stored time with its zone: SQLite hands back the UTC time it stored without one."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class ModelColumns[M: Model]:
    """Every stored column of a model, to read it in a hand-written statement and make the
    instance the ORM would have made.

    `Model.objects.raw()` works out, on every call, which column is which field and how each
    value converts; for a model of 30 columns that took 0.2 to 0.3 ms, five times the cost of
    the statement itself (decision 0009). Here it is worked out once per model and database.
    """

    def __init__(self, model: type[M], alias: str) -> None:
        self.model = model
        self.fields = model._meta.concrete_fields
        # The columns to put after SELECT, with the table's alias in the statement.
        self.sql = ", ".join(f"{alias}.{field.column}" for field in self.fields)
        self._names = [field.attname for field in self.fields]
        self._converters: dict[str, list[tuple[int, Col, list[Callable[..., Any]]]]] = {}

    def instance(self, row: Sequence[Any], start: int = 0) -> M:
        """The model from the `len(self.fields)` values of `row` from `start` on, converted
        as the ORM converts them (`SQLCompiler.apply_converters`): on SQLite a time gets its
        zone back."""
        values = list(row[start : start + len(self.fields)])
        for index, column, converters in self._converters_for_connection():
            value = values[index]
            for convert in converters:
                value = convert(value, column, connection)
            values[index] = value
        return self.model.from_db(connection.alias, self._names, values)

    def _converters_for_connection(self) -> list[tuple[int, Col, list[Callable[..., Any]]]]:
        found = self._converters.get(connection.vendor)
        if found is None:
            found = []
            for index, field in enumerate(self.fields):
                column = field.get_col(self.model._meta.db_table)
                converters = connection.ops.get_db_converters(column)
                converters += column.get_db_converters(connection)
                if converters:
                    found.append((index, column, converters))
            self._converters[connection.vendor] = found
        return found
