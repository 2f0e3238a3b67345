"""A confirmation email goes through a real SMTP server to the right person, in their language."""

import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope
from allauth.account.models import EmailAddress
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from equityhub.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        smtp = {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 10},
        }
        with override_settings(MAILERS={"default": smtp}):
            yield inbox
    finally:
        controller.stop()


def test_a_welsh_speakers_confirmation_email_reaches_the_smtp_server(client, smtp_server):
    member = UserFactory(email="eluned@example.org", preferred_language="cy", verified=False)
    EmailAddress.objects.create(user=member, email=member.email, verified=False, primary=True)
    client.force_login(member)

    # Asked for again from an English page: the email still follows the member's language.
    response = client.post("/accounts/email/", {"email": member.email, "action_send": ""})

    assert response.status_code == 302
    [envelope] = smtp_server.envelopes
    assert envelope.rcpt_tos == ["eluned@example.org"]
    message = message_from_bytes(envelope.content, policy=policy.default)
    assert message["To"] == "eluned@example.org"
    assert message["From"] == "EquityHub <no-reply@equityhub.example>"
    assert message["Subject"].startswith("EquityHub: ")
    # In Welsh, the member's language, though the request came from an English page.
    with translation.override("cy"):
        welsh_subject = gettext("Please Confirm Your Email Address")
    assert welsh_subject != "Please Confirm Your Email Address"
    assert message["Subject"] == f"EquityHub: {welsh_subject}"
    text = message.get_body(preferencelist=("plain",))
    assert text is not None
    body = text.get_content()
    assert "http://testserver/cy/accounts/confirm-email/" in body
    assert "http://testserver/accounts/confirm-email/" not in body
