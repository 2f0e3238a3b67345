"""Template helpers for the action plan's pages and documents."""

from django import template

from equityhub.actions.models import ActionStatus

register = template.Library()

# The colour of each status's tag (GOV.UK Frontend tag modifiers); the text always says it too.
STATUS_TAGS: dict[str, str] = {
    ActionStatus.DRAFT: "govuk-tag--grey",
    ActionStatus.PLANNED: "govuk-tag--blue",
    ActionStatus.IN_PROGRESS: "govuk-tag--purple",
    ActionStatus.DONE: "govuk-tag--green",
    ActionStatus.DROPPED: "govuk-tag--orange",
}


@register.filter
def action_tag(status: str) -> str:
    return STATUS_TAGS.get(status, "govuk-tag--grey")
