"""Followers' email: one message per idea per member, gathering all the news since the last one.

The task in tasks.py calls send_news() for one member and one idea. Whatever news waits for
them (status changes, the official response, new comments and replies to their own) goes out
in a single email in the member's language, at most once per NOTIFICATION_INTERVAL; news that
arrives sooner waits for the next email. Anonymity holds: commenters who hid their name appear
as "A member".
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from equityhub.accounts.models import User
from equityhub.campaigns.search import plain_text
from equityhub.core.mail import absolute_url, subject_line
from equityhub.ideas import notifications, rules
from equityhub.ideas.models import (
    CommentState,
    Idea,
    Notification,
    NotificationKind,
    Status,
)

EXCERPT_WORDS = 50
TEMPLATE = "ideas/email/news"


@dataclass(frozen=True, slots=True)
class NewsItem:
    """One piece of news, ready for the email templates (in the recipient's language)."""

    kind: str
    status: str = ""
    reason: str = ""
    response: str = ""
    response_html: SafeString | str = ""
    author_name: str = ""
    excerpt: str = ""
    url: str = ""


def send_news(*, recipient_id: int, idea_id: int) -> int:
    """Email `recipient_id` everything unsent about `idea_id`, if it is time; 1 if sent, else 0.

    Too soon after the last email about this idea, nothing goes out: the send is put off until
    the interval has passed when the task backend can defer, and otherwise the news waits for
    the next send. The rows are marked sent in the same transaction that decides to send, so
    two workers never send the same news twice.
    """
    with transaction.atomic():
        # Locked, so a second worker waits here and then finds nothing left to send.
        rows = list(
            Notification.objects.select_for_update(of=("self",))
            .filter(recipient_id=recipient_id, idea_id=idea_id, sent_at__isnull=True)
            .select_related("comment__author")
            .order_by("created_at", "pk")
        )
        if not rows:
            return 0
        now = timezone.now()
        last_sent = notifications.last_sent_at(recipient_id=recipient_id, idea_id=idea_id)
        if last_sent is not None and now - last_sent < notifications.NOTIFICATION_INTERVAL:
            _send_later(recipient_id=recipient_id, idea_id=idea_id)
            return 0

        recipient = User.objects.get(pk=recipient_id)
        idea = Idea.objects.select_related("campaign").get(pk=idea_id)
        row_ids = [row.pk for row in rows]
        if not recipient.is_active or not rules.can_view_idea(recipient, idea):
            # Nobody to tell, or nothing they may read any more.
            Notification.objects.filter(pk__in=row_ids).delete()
            return 0
        language = recipient.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            items = _news_items(rows, idea=idea)
            if not items:
                # Every comment in the news has since been removed or hidden.
                Notification.objects.filter(pk__in=row_ids).delete()
                return 0
            message = _message(recipient=recipient, idea=idea, items=items, language=language)
        Notification.objects.filter(pk__in=row_ids).update(sent_at=now)
        # Sent inside the transaction: if the mail server refuses it, the rows stay unsent.
        message.send(using="default")
        transaction.on_commit(lambda: _schedule_if_more(recipient_id=recipient_id, idea_id=idea_id))
    return 1


def _send_later(*, recipient_id: int, idea_id: int) -> None:
    from equityhub.ideas.tasks import send_idea_news

    task: Any = send_idea_news
    if task.get_backend().supports_defer:
        transaction.on_commit(
            lambda: notifications._schedule(recipient_id=recipient_id, idea_id=idea_id)
        )


def _schedule_if_more(*, recipient_id: int, idea_id: int) -> None:
    """News stored while this email was being sent found a send already under way, and
    queued none of its own: make sure it goes in the next email."""
    waiting = Notification.objects.filter(
        recipient_id=recipient_id, idea_id=idea_id, sent_at__isnull=True
    )
    if waiting.exists():
        notifications._schedule(recipient_id=recipient_id, idea_id=idea_id)


def _news_items(rows: list[Notification], *, idea: Idea) -> list[NewsItem]:
    """The news in the order it happened, in the active language; comments since removed or
    hidden are left out, and the official response appears once, as it reads now."""
    items: list[NewsItem] = []
    response_told = False
    for row in rows:
        if row.kind == NotificationKind.STATUS:
            status = row.status or idea.status
            reason = idea.status_reason if status == idea.status else ""
            items.append(NewsItem(kind=row.kind, status=str(Status(status).label), reason=reason))
        elif row.kind == NotificationKind.RESPONSE:
            if response_told or not idea.official_response:
                continue
            response_told = True
            items.append(
                NewsItem(
                    kind=row.kind,
                    response=idea.official_response,
                    # Sanitised by markdown_to_html when the editor saved it.
                    response_html=mark_safe(idea.official_response_html),  # noqa: S308
                )
            )
        elif row.comment is not None and row.comment.state == CommentState.PUBLISHED:
            comment = row.comment
            items.append(
                NewsItem(
                    kind=row.kind,
                    author_name=comment.public_author_name(),
                    excerpt=Truncator(plain_text(comment.body)).words(EXCERPT_WORDS),
                    url=absolute_url(comment.get_absolute_url()),
                )
            )
    return items


def _subject(*, idea: Idea, items: list[NewsItem]) -> str:
    title = idea.title
    if len(items) > 1:
        subject = _("News about “%(title)s”") % {"title": title}
    elif items[0].kind == NotificationKind.STATUS:
        subject = _("“%(title)s” is now: %(status)s") % {"title": title, "status": items[0].status}
    elif items[0].kind == NotificationKind.RESPONSE:
        subject = _("Official response to “%(title)s”") % {"title": title}
    elif items[0].kind == NotificationKind.REPLY:
        subject = _("Reply to your comment on “%(title)s”") % {"title": title}
    else:
        subject = _("New comment on “%(title)s”") % {"title": title}
    return subject_line(subject)


def _message(
    *, recipient: User, idea: Idea, items: list[NewsItem], language: str
) -> EmailMultiAlternatives:
    """The email, built while the recipient's language is active: its links open the site in
    that language too."""
    token = notifications.make_unsubscribe_token(user_id=recipient.pk, idea_id=idea.pk)
    unsubscribe_url = absolute_url(reverse("ideas:unsubscribe", kwargs={"token": token}))
    context = {
        "recipient": recipient,
        "idea": idea,
        "is_author": idea.author_id == recipient.pk,
        "items": items,
        "kinds": NotificationKind,
        "language": language,
        "idea_url": absolute_url(reverse("ideas:detail", kwargs={"pk": idea.pk})),
        "settings_url": absolute_url(reverse("ideas:notifications")),
        "unsubscribe_url": unsubscribe_url,
    }
    message = EmailMultiAlternatives(
        subject=_subject(idea=idea, items=items),
        body=render_to_string(f"{TEMPLATE}.txt", context),
        to=[recipient.email],
        headers={
            "Content-Language": language,
            # One-click unsubscribe from the mail client's own button (RFC 2369, RFC 8058).
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string(f"{TEMPLATE}.html", context), "text/html")
    return message
