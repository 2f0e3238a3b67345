"""Writes for moderation: cases, reports, decisions and suspensions."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model

from equityhub.moderation.models import Action, Case, CaseReason, CaseState, Decision
from equityhub.moderation.registry import adapter_for


@transaction.atomic
def case_open(*, content: Model, reason: CaseReason, matched_words: list[str] | None = None) -> Case:
    """Put `content` in the queue, or return the case already open for it."""
    adapter = adapter_for(type(content))
    content_type = ContentType.objects.get_for_model(content)
    case = (
        Case.objects.select_for_update()
        .filter(content_type=content_type, object_id=content.pk, state=CaseState.OPEN)
        .first()
    )
    if case is not None:
        return case
    return Case.objects.create(
        content_type=content_type,
        object_id=content.pk,
        reason=reason,
        title=adapter.title(content)[:300],
        excerpt=adapter.excerpt(content),
        matched_words=", ".join(matched_words or [])[:300],
    )


def decision_record(
    *,
    action: Action,
    moderator: Any,
    content: Model | None = None,
    case: Case | None = None,
    reason: str = "",
    subject: Any = None,
) -> Decision:
    """Add one entry to the audit log."""
    title = ""
    content_type = None
    object_id = None
    if content is not None:
        adapter = adapter_for(type(content))
        title = adapter.title(content)[:300]
        content_type = ContentType.objects.get_for_model(content)
        object_id = content.pk
        if subject is None:
            subject = adapter.author(content)
    return Decision.objects.create(
        case=case,
        content_type=content_type,
        object_id=object_id,
        action=action,
        reason=reason,
        moderator=moderator,
        subject=subject,
        title=title,
    )
