"""Validation errors as {"message": …, "errors": {field: [messages]}} in the caller's language."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

# How django-ninja words, in English only, a body that is not JSON (or not UTF-8) and a
# signed-in browser's write without its CSRF token.
UNPARSABLE_BODY = "Cannot parse request body"
CSRF_FAILED = "CSRF check Failed"
# Pydantic's words for a body that is empty, or JSON but not an object.
WHOLE_BODY = frozenset({"missing", "model_attributes_type", "dict_type"})


def _message(error: dict[str, Any]) -> str:
    context = error.get("ctx") or {}
    kind = error.get("type", "")
    if kind == "missing":
        return _("This field is required.")
    if kind == "string_too_long":
        return _("Enter no more than %(count)s characters.") % {"count": context.get("max_length")}
    if kind == "string_too_short":
        return _("Enter at least %(count)s characters.") % {"count": context.get("min_length")}
    if kind in {"int_parsing", "int_type"}:
        return _("Enter a whole number.")
    if kind in {"greater_than_equal", "greater_than"}:
        return _("Enter a number of at least %(limit)s.") % {
            "limit": context.get("ge", context.get("gt"))
        }
    if kind in {"less_than_equal", "less_than"}:
        return _("Enter a number of at most %(limit)s.") % {
            "limit": context.get("le", context.get("lt"))
        }
    if kind in {"literal_error", "enum"}:
        return _("Choose one of the allowed values.")
    if kind in {"json_invalid", "model_attributes_type", "dict_type"}:
        return _("The request body is not valid JSON.")
    return _("This value is not valid.")


def _field(location: list[Any]) -> str:
    """The field's name as the caller sent it, without where it was sent.

    Ninja reports ("query", "page") for a query parameter and ("body", "payload", "title") for
    a field of a JSON body, where "payload" is the view's own argument name.
    """
    parts = [str(part) for part in location]
    if parts[:1] == ["body"] and len(parts) > 2:
        parts = parts[2:]
    elif parts[:1] in (["body"], ["query"], ["path"], ["form"], ["header"], ["cookie"]):
        parts = parts[1:]
    return ".".join(parts) or "__all__"


class ApiError(HttpError):
    """An error whose body says more than its message: `fields` are added to the body.

    For example `ApiError(422, message, errors={"themes": [...]})` for a check a schema cannot
    make, or `ApiError(404, message, merged_into=42)`.
    """

    def __init__(self, status_code: int, message: str, **fields: Any) -> None:
        super().__init__(status_code, message)
        self.fields = fields


class ErrorOut(Schema):
    """The body of every error response: a sentence for people, and per-field messages."""

    message: str
    errors: dict[str, list[str]] | None = None


def install(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            location = list(error.get("loc", []))
            if location[:1] == ["body"] and len(location) == 2 and error.get("type") in WHOLE_BODY:
                # The body as a whole is missing or not an object: no field of it is to blame.
                message = _("Send the values as a JSON object in the request body.")
                errors.setdefault("__all__", []).append(message)
                continue
            errors.setdefault(_field(location), []).append(_message(error))
        return api.create_response(
            request,
            {"message": _("Some of the values sent are not valid."), "errors": errors},
            status=422,
        )

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc, AuthenticationError):
            message = _("Sign in, or send a valid personal token as “Authorization: Bearer …”.")
        elif isinstance(exc, AuthorizationError):
            message = _("You do not have permission to do this.")
        elif exc.status_code == 400 and str(exc).startswith(UNPARSABLE_BODY):
            message = _("The request body is not valid JSON in UTF-8.")
        elif exc.status_code == 403 and str(exc) == CSRF_FAILED:
            message = _(
                "A signed-in browser must send its CSRF token (X-CSRFToken) with changes; "
                "scripts can use a personal token instead."
            )
        else:
            message = str(exc)
        body = {"message": message, **getattr(exc, "fields", {})}
        return api.create_response(request, body, status=exc.status_code)
