"""Validation errors as {"message": …, "errors": {field: [messages]}} in the caller's language."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError


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


class ErrorOut(Schema):
    """The body of every error response: a sentence for people, and per-field messages."""

    message: str
    errors: dict[str, list[str]] | None = None


def install(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            errors.setdefault(_field(list(error.get("loc", []))), []).append(_message(error))
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
        else:
            message = str(exc)
        return api.create_response(request, {"message": message}, status=exc.status_code)
