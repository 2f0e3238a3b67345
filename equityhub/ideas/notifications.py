"""Email about ideas: news is stored as Notification rows and sent in batches by a task.

A member gets at most one email per idea per hour (NOTIFICATION_INTERVAL): news that arrives
within the hour after an email waits for the next one, which gathers it all.
"""

from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.core import signing
from django.db import transaction
from django.db.models import Max

from equityhub.ideas.models import Comment, Idea, Notification, NotificationPreference

NOTIFICATION_INTERVAL = timedelta(hours=1)


def queue(
    *,
    recipient_ids: list[int],
    idea: Idea,
    kind: str,
    comment: Comment | None = None,
    status: str = "",
) -> None:
    """Store the news for each recipient who wants this kind, and make sure a send is due."""
    if not recipient_ids:
        return
    opted_out = set(
        NotificationPreference.objects.filter(
            user_id__in=recipient_ids, **{f"on_{kind}": False}
        ).values_list("user_id", flat=True)
    )
    wanted = [pk for pk in recipient_ids if pk not in opted_out]
    if not wanted:
        return
    # Whoever already has unsent news about this idea has a send on its way.
    waiting = set(
        Notification.objects.filter(
            recipient_id__in=wanted, idea=idea, sent_at__isnull=True
        ).values_list("recipient_id", flat=True)
    )
    Notification.objects.bulk_create(
        Notification(recipient_id=pk, idea=idea, kind=kind, comment=comment, status=status)
        for pk in wanted
    )
    for pk in wanted:
        if pk not in waiting:
            transaction.on_commit(partial(_schedule, recipient_id=pk, idea_id=idea.pk))


def last_sent_at(*, recipient_id: int, idea_id: int) -> datetime | None:
    """When the member was last emailed about the idea, or None if never."""
    return Notification.objects.filter(
        recipient_id=recipient_id, idea_id=idea_id, sent_at__isnull=False
    ).aggregate(last=Max("sent_at"))["last"]


def _schedule(*, recipient_id: int, idea_id: int) -> None:
    from equityhub.ideas.tasks import send_idea_news

    last_sent = last_sent_at(recipient_id=recipient_id, idea_id=idea_id)
    task: Any = send_idea_news
    if last_sent is not None and task.get_backend().supports_defer:
        task = task.using(run_after=last_sent + NOTIFICATION_INTERVAL)
    task.enqueue(recipient_id=recipient_id, idea_id=idea_id)


# One-click unsubscribe: a signed token naming the member and the idea, so the link works
# without signing in (and from a mail client's own "unsubscribe" button, RFC 8058).
_UNSUBSCRIBE_SALT = "equityhub.ideas.unsubscribe"


def make_unsubscribe_token(*, user_id: int, idea_id: int) -> str:
    return signing.dumps({"u": user_id, "i": idea_id}, salt=_UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, int] | None:
    """(user id, idea id) from a token we made, or None for anything else."""
    try:
        data = signing.loads(token, salt=_UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not {"u", "i"} <= data.keys():
        return None
    user_id, idea_id = data["u"], data["i"]
    if not isinstance(user_id, int) or not isinstance(idea_id, int):
        return None
    return user_id, idea_id
