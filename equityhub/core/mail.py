"""What every email the site sends has in common: absolute links and a one-line subject."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """A path on this site as a link that works from a mail client (EQUITYHUB_SITE_URL)."""
    return settings.SITE_URL.rstrip("/") + path


def subject_line(text: str) -> str:
    """The site's prefix and `text` as one header line, whatever `text` holds."""
    return " ".join(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{text}".split())
