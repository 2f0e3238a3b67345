"""GOV.UK Frontend markup for Django form fields.

`templates/includes/field.html` and `templates/includes/error_summary.html` draw any form the
GOV.UK way; allauth's pages reach them through templates/allauth/elements/.
These helpers do what a template cannot: choose the component for a widget, give the widget its
classes, and list the error summary's links. Hint and error ids follow Django's own
(`<id>_helptext`, `<id>_error`), so Django fills in `aria-describedby` itself.
"""

from dataclasses import dataclass

from django import template
from django.forms import BaseForm, BoundField
from django.utils.safestring import SafeString

register = template.Library()

# The GOV.UK component each kind of Django widget becomes (by BoundField.widget_type).
_KINDS = {
    "checkbox": "checkbox",
    "radioselect": "radios",
    "checkboxselectmultiple": "checkboxes",
    "select": "select",
    "selectmultiple": "select",
    "nullbooleanselect": "select",
    "textarea": "textarea",
    "password": "password",
    "hidden": "hidden",
}
_CLASSES = {
    "input": "govuk-input",
    "password": "govuk-input govuk-password-input__input govuk-js-password-input-input",
    "select": "govuk-select",
    "textarea": "govuk-textarea",
    "checkbox": "govuk-checkboxes__input",
}
_ERROR_CLASSES = {
    "input": "govuk-input--error",
    "password": "govuk-input--error",
    "select": "govuk-select--error",
    "textarea": "govuk-textarea--error",
}
# Values typed exactly as given: spell-checking and capitalising would only get in the way.
_VERBATIM_TYPES = {"email", "password", "url"}


@dataclass(frozen=True, slots=True)
class ErrorLink:
    """One line of an error summary: the message, and the field it links to ("" for none)."""

    href: str
    message: str


@register.filter
def govuk_kind(field: BoundField) -> str:
    """input, password, select, textarea, checkbox, radios, checkboxes or hidden."""
    return _KINDS.get(field.widget_type, "input")


@register.filter
def govuk_widget(field: BoundField) -> SafeString:
    """The field's own widget with GOV.UK classes; no placeholder, no autofocus."""
    kind = govuk_kind(field)
    widget = field.field.widget
    classes = [_CLASSES.get(kind, "govuk-input")]
    if field.errors and kind in _ERROR_CLASSES:
        classes.append(_ERROR_CLASSES[kind])
    attrs: dict[str, str | bool] = {"placeholder": False, "autofocus": False}
    input_type = str(widget.attrs.get("type") or getattr(widget, "input_type", ""))
    is_code = widget.attrs.get("autocomplete") == "one-time-code"
    if is_code:
        # Authenticator and recovery codes are short strings of digits.
        classes.append("govuk-input--width-10")
        attrs["inputmode"] = "numeric"
    elif kind in {"input", "password"}:
        classes.append("govuk-!-width-two-thirds")
    if is_code or input_type in _VERBATIM_TYPES:
        attrs["spellcheck"] = "false"
        attrs["autocapitalize"] = "none"
    attrs["class"] = " ".join(classes)
    return field.as_widget(attrs=attrs)


def field_anchor(field: BoundField) -> str:
    """The id an error summary links to: the input itself, or the first of a group."""
    if govuk_kind(field) in {"radios", "checkboxes"}:
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id or field.html_name


@register.filter
def govuk_error_links(form: BaseForm | str | None) -> list[ErrorLink]:
    """Every error in `form`, in page order; errors about the whole form link to its first field.

    A template that has no form passes "" or None, and gets no links.
    """
    if not isinstance(form, BaseForm) or not form.errors:
        return []
    visible = form.visible_fields()
    first = f"#{field_anchor(visible[0])}" if visible else ""
    links = [ErrorLink(first, str(message)) for message in form.non_field_errors()]
    for field in form.hidden_fields():
        links.extend(ErrorLink("", str(message)) for message in field.errors)
    for field in visible:
        links.extend(ErrorLink(f"#{field_anchor(field)}", str(message)) for message in field.errors)
    return links


@register.filter(is_safe=True)
def squash(value: object) -> str:
    """Collapse runs of whitespace, as in a page title assembled from indented blocks."""
    return " ".join(str(value).split())
