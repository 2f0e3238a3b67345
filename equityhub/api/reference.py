"""The API reference page's content, read from the OpenAPI schema django-ninja generates.

`build_reference()` walks the schema (a plain dict) into small frozen dataclasses that
`api/reference.html` loops over; `api_reference()` keeps one for each address the API is
mounted at (/api/v1/ and /cy/api/v1/), so the schema is walked once per language.

Summaries, descriptions and field names come from the code and are English. The labels added
here (status names, where a parameter goes, constraints) are lazy translations, so a cached
reference still renders in the language of the request.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from ninja import NinjaAPI

HTTP_METHODS = ("get", "post", "put", "patch", "delete")

TAG_TITLES: dict[str, Promise] = {
    "campaigns": _("Campaigns, FAQs and publications"),
    "account": _("Your account"),
    "ideas": _("Ideas, their supports, comments and reports"),
    "actions": _("The action plan: actions, the ideas behind them and their progress"),
}

STATUS_LABELS: dict[str, Promise] = {
    "200": _("Success"),
    "201": _("Created"),
    "204": _("Success, with no body"),
    "400": _("Bad request"),
    "401": _("Not authenticated"),
    "403": _("Not allowed"),
    "404": _("Not found"),
    "422": _("Some values are not valid"),
    "429": _("Too many requests"),
}

LOCATIONS: dict[str, Promise] = {
    "path": _("path"),
    "query": _("query string"),
    "header": _("header"),
    "cookie": _("cookie"),
}

SECURITY_LABELS: dict[str, Promise] = {
    "PersonalToken": _("a personal token, sent as Authorization: Bearer …"),
    "SessionAuth": _("a signed-in browser session"),
}

# JSON Schema keywords shown as constraints, with the label each is shown under.
CONSTRAINTS: tuple[tuple[str, Promise], ...] = (
    ("minimum", _("Minimum")),
    ("exclusiveMinimum", _("More than")),
    ("maximum", _("Maximum")),
    ("exclusiveMaximum", _("Less than")),
    ("minLength", _("Minimum length")),
    ("maxLength", _("Maximum length")),
    ("pattern", _("Pattern")),
    ("enum", _("One of")),
    ("default", _("Default")),
)


@dataclass(frozen=True, slots=True)
class Text:
    """A label to show: a translation of ours, or text from the schema, which is English."""

    text: str | Promise
    is_english: bool = False

    def __str__(self) -> str:
        return str(self.text)


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """A JSON type (`string`, `integer`, …) or the name of a schema in the components."""

    name: str
    format: str = ""
    is_array: bool = False
    nullable: bool = False


@dataclass(frozen=True, slots=True)
class Constraint:
    label: Promise
    value: str


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: TypeInfo
    required: bool
    description: str = ""
    constraints: tuple[Constraint, ...] = ()


@dataclass(frozen=True, slots=True)
class ObjectTable:
    """The fields of one object in a response body.

    `parent` is the field of the enclosing object it sits in ("" for the body itself), and
    `in_array` says whether that field (or the body) is an array of such objects.
    """

    name: str
    parent: str
    in_array: bool
    fields: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class Response:
    status: str
    label: Text
    body: TypeInfo | None
    tables: tuple[ObjectTable, ...]


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    location: Text
    required: bool
    type: TypeInfo
    constraints: tuple[Constraint, ...]
    description: str = ""


@dataclass(frozen=True, slots=True)
class RequestBody:
    """The JSON an operation takes: its type, and a table for each object in it."""

    required: bool
    body: TypeInfo
    tables: tuple[ObjectTable, ...]


@dataclass(frozen=True, slots=True)
class Operation:
    anchor: str
    method: str
    path: str
    summary: str
    description: str
    parameters: tuple[Parameter, ...]
    responses: tuple[Response, ...]
    authentication: tuple[Text, ...]
    request_body: RequestBody | None = None

    @property
    def endpoint(self) -> str:
        return f"{self.method} {self.path}"


@dataclass(frozen=True, slots=True)
class Section:
    anchor: str
    title: Text
    operations: tuple[Operation, ...]


@dataclass(frozen=True, slots=True)
class ApiReference:
    title: str
    version: str
    sections: tuple[Section, ...]

    @property
    def operations(self) -> list[Operation]:
        return [operation for section in self.sections for operation in section.operations]


def _anchor(text: str) -> str:
    return "".join(char if char.isalnum() else "-" for char in text.lower()).strip("-")


class _Walker:
    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.components: Mapping[str, Any] = schema.get("components", {}).get("schemas", {})

    def resolve(self, node: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]]:
        """A `$ref` replaced by the component it names, with that name ("" if inline)."""
        ref = node.get("$ref", "")
        if ref.startswith("#/components/schemas/"):
            name = ref.rsplit("/", 1)[-1]
            return name, self.components.get(name, {})
        return "", node

    def split_nullable(self, node: Mapping[str, Any]) -> tuple[Mapping[str, Any], bool]:
        """`anyOf: [X, {"type": "null"}]` as X, and whether null is allowed."""
        choices = node.get("anyOf") or node.get("oneOf")
        if choices:
            others = [choice for choice in choices if choice.get("type") != "null"]
            nullable = len(others) < len(choices)
            if len(others) == 1:
                return {**node, **others[0], "anyOf": None, "oneOf": None}, nullable
            return {**node, "anyOf": others, "oneOf": None}, nullable
        kind = node.get("type")
        if isinstance(kind, list) and "null" in kind:
            others = [item for item in kind if item != "null"]
            return {**node, "type": others[0] if len(others) == 1 else others}, True
        return node, False

    def type_of(self, node: Mapping[str, Any]) -> TypeInfo:
        node, nullable = self.split_nullable(node)
        name, target = self.resolve(node)
        if name:
            return TypeInfo(name=name, nullable=nullable)
        choices = node.get("anyOf") or node.get("oneOf")
        if choices:
            names = " | ".join(self.type_of(choice).name for choice in choices)
            return TypeInfo(name=names, nullable=nullable)
        kind = target.get("type", "")
        if isinstance(kind, list):
            kind = " | ".join(kind)
        if kind == "array":
            item = self.type_of(target.get("items", {}))
            return TypeInfo(name=item.name, format=item.format, is_array=True, nullable=nullable)
        return TypeInfo(
            name=kind or target.get("title", "") or "object",
            format=target.get("format", ""),
            nullable=nullable,
        )

    def constraints(self, node: Mapping[str, Any]) -> tuple[Constraint, ...]:
        node, _nullable = self.split_nullable(node)
        _name, target = self.resolve(node)
        # The values an enum allows, whether named in the components or in an array's items.
        items = target.get("items", {}) if target.get("type") == "array" else {}
        _item_name, item_target = self.resolve(self.split_nullable(items)[0])
        enum = target.get("enum") or item_target.get("enum")
        values = {**node, "enum": enum} if enum else node
        found = []
        for keyword, label in CONSTRAINTS:
            if keyword not in values or values[keyword] is None:
                continue
            value = values[keyword]
            if isinstance(value, Sequence) and not isinstance(value, str):
                if not value:
                    continue  # an empty list as the default says nothing
                value = ", ".join(str(item) for item in value)
            elif isinstance(value, bool) or value == "":
                value = json.dumps(value)  # as a caller writes it: true, false, ""
            found.append(Constraint(label=label, value=str(value)))
        return tuple(found)

    def object_tables(
        self, node: Mapping[str, Any], parent: str, in_array: bool, seen: set[str]
    ) -> list[ObjectTable]:
        """The table for the object `node` describes, then one for each object within it."""
        node, _nullable = self.split_nullable(node)
        name, target = self.resolve(node)
        if target.get("type") == "array":
            return self.object_tables(target.get("items", {}), parent, True, seen)
        properties: Mapping[str, Any] = target.get("properties") or {}
        if not properties or (name and name in seen):
            return []
        if name:
            seen.add(name)
        required = set(target.get("required", ()))
        fields = tuple(
            Field(
                name=field_name,
                type=self.type_of(field),
                required=field_name in required,
                description=field.get("description", ""),
                constraints=self.constraints(field),
            )
            for field_name, field in properties.items()
        )
        tables = [
            ObjectTable(name=name or "object", parent=parent, in_array=in_array, fields=fields)
        ]
        for field_name, field in properties.items():
            tables += self.object_tables(field, field_name, False, seen)
        return tables

    def response(self, status: str, answer: Mapping[str, Any]) -> Response:
        label = (
            Text(STATUS_LABELS[status])
            if status in STATUS_LABELS
            else Text(answer.get("description", ""), is_english=True)
        )
        content = answer.get("content", {}).get("application/json", {})
        body = content.get("schema")
        if not body:
            return Response(status=status, label=label, body=None, tables=())
        tables = self.object_tables(body, "", False, set())
        return Response(status=status, label=label, body=self.type_of(body), tables=tuple(tables))

    def request_body(self, details: Mapping[str, Any]) -> RequestBody | None:
        request = details.get("requestBody") or {}
        body = request.get("content", {}).get("application/json", {}).get("schema")
        if not body:
            return None
        return RequestBody(
            required=bool(request.get("required")),
            body=self.type_of(body),
            tables=tuple(self.object_tables(body, "", False, set())),
        )

    def parameter(self, parameter: Mapping[str, Any]) -> Parameter:
        location = parameter.get("in", "")
        node = parameter.get("schema", {})
        return Parameter(
            name=parameter.get("name", ""),
            location=Text(LOCATIONS[location])
            if location in LOCATIONS
            else Text(location, is_english=True),
            required=bool(parameter.get("required", location == "path")),
            type=self.type_of(node),
            constraints=self.constraints(node),
            description=parameter.get("description", "") or node.get("description", ""),
        )

    def operation(self, path: str, method: str, details: Mapping[str, Any]) -> Operation:
        schemes: list[Text] = []
        for requirement in details.get("security", ()):
            for scheme in requirement:
                label = (
                    Text(SECURITY_LABELS[scheme])
                    if scheme in SECURITY_LABELS
                    else Text(scheme, is_english=True)
                )
                if label not in schemes:
                    schemes.append(label)
        responses = details.get("responses", {})
        return Operation(
            anchor=_anchor(details.get("operationId") or f"{method} {path}"),
            method=method.upper(),
            path=path,
            summary=details.get("summary", ""),
            description=details.get("description", ""),
            parameters=tuple(self.parameter(item) for item in details.get("parameters", ())),
            responses=tuple(
                self.response(str(status), answer) for status, answer in sorted(responses.items())
            ),
            authentication=tuple(schemes),
            request_body=self.request_body(details),
        )


def _section_title(tag: str) -> Text:
    if tag in TAG_TITLES:
        return Text(TAG_TITLES[tag])
    return Text(tag, is_english=True) if tag else Text(_("Other operations"))


def build_reference(schema: Mapping[str, Any]) -> ApiReference:
    """The OpenAPI `schema` as sections, one for each tag, in the order the paths come in."""
    walker = _Walker(schema)
    by_tag: dict[str, list[Operation]] = {}
    for path, methods in schema.get("paths", {}).items():
        for method in HTTP_METHODS:
            details = methods.get(method)
            if details is None:
                continue
            tag = (details.get("tags") or [""])[0]
            by_tag.setdefault(tag, []).append(walker.operation(path, method, details))
    sections = tuple(
        Section(
            anchor=f"tag-{_anchor(tag) or 'other'}",
            title=_section_title(tag),
            operations=tuple(operations),
        )
        for tag, operations in by_tag.items()
    )
    info = schema.get("info", {})
    return ApiReference(
        title=info.get("title", ""), version=info.get("version", ""), sections=sections
    )


@lru_cache(maxsize=8)
def api_reference(api: NinjaAPI, path_prefix: str) -> ApiReference:
    """The reference for `api` mounted at `path_prefix`, built once for each address."""
    return build_reference(api.get_openapi_schema(path_prefix=path_prefix))
