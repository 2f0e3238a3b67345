"""A team's weekly digest: how many ideas await its official response, and the oldest of them.

`send_team_digest()` (run by the task in tasks.py, queued each week by `manage.py
send_team_digests`) writes to each active member of a team, in the member's own language, with
links that open the site in that language. When nothing waits, nobody is written to.
"""

import smtplib

import structlog
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import ngettext

from equityhub.accounts.models import User
from equityhub.actions import rules, selectors
from equityhub.actions.models import Team
from equityhub.actions.selectors import TeamDigest
from equityhub.core.i18n import localized
from equityhub.core.mail import absolute_url, subject_line

TEMPLATE = "actions/email/digest"

logger = structlog.get_logger("equityhub.actions")


def send_team_digest(*, team_id: int) -> int:
    """Email the team's digest to each of its active members; returns how many were sent.

    The waiting ideas are read once for the whole team. A member whose address the mail server
    refuses is logged and skipped, so the others still get theirs.
    """
    team = Team.objects.filter(pk=team_id).first()
    if team is None:
        return 0
    digest = selectors.team_digest(team)
    if not digest.waiting:
        return 0
    sent = 0
    for recipient in selectors.team_recipients(team):
        message = digest_message(recipient=recipient, digest=digest)
        try:
            message.send(using="default")
        except (smtplib.SMTPException, OSError):
            logger.exception("team_digest_not_sent", team_id=team.pk, user_id=recipient.pk)
            continue
        sent += 1
    return sent


def digest_subject(digest: TeamDigest) -> str:
    """The subject in the active language."""
    return subject_line(
        ngettext(
            "%(count)s idea awaits a response from %(team)s",
            "%(count)s ideas await a response from %(team)s",
            digest.waiting,
        )
        % {"count": digest.waiting, "team": localized(digest.team, "name").text}
    )


def digest_message(*, recipient: User, digest: TeamDigest) -> EmailMultiAlternatives:
    """The email for one member, built in their language: its links open the site in it too."""
    language = recipient.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        team_name = localized(digest.team, "name")
        dashboard_url = absolute_url(
            f"{reverse('actions:teams')}?{urlencode({'team': digest.team.slug})}"
        )
        context = {
            "recipient": recipient,
            "language": language,
            "team_name": team_name.text,
            # The English name in a Welsh email is marked as English.
            "team_html": (
                format_html('<span lang="{}">{}</span>', team_name.language, team_name.text)
                if team_name.is_fallback
                else team_name.text
            ),
            "waiting": digest.waiting,
            "shown": len(digest.oldest),
            "ideas": [
                {
                    "title": row.idea.title,
                    "language": row.idea.language,
                    "level": row.idea.get_level_display(),
                    "days_waiting": row.days_waiting,
                    "url": absolute_url(row.idea.get_absolute_url()),
                }
                for row in digest.oldest
            ],
            # Only editors may open the dashboard; other members get the ideas' own links.
            "dashboard_url": (dashboard_url if rules.can_see_team_dashboard(recipient) else ""),
        }
        message = EmailMultiAlternatives(
            subject=digest_subject(digest),
            body=render_to_string(f"{TEMPLATE}.txt", context),
            to=[recipient.email],
            headers={"Content-Language": language},
        )
        message.attach_alternative(render_to_string(f"{TEMPLATE}.html", context), "text/html")
    return message
