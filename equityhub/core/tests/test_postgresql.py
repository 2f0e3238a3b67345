"""The PostgreSQL backend's health check (equityhub/core/postgresql): a connection the server
has ended is replaced before a request uses it, and a sound one is checked without a statement.
"""

import time

import psycopg
import pytest
from django.db import close_old_connections, connection
from django.urls import reverse

from equityhub.campaigns.tests.factories import CampaignFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no server to end a connection")
    connection.ensure_connection()
    with psycopg.connect(**connection.get_connection_params(), autocommit=True) as other:
        yield other


def backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    return pid


def end_from_the_server(other: psycopg.Connection, pid: int) -> None:
    """What a restart does to each connection: the server ends it, then it is gone."""
    other.execute("SELECT pg_terminate_backend(%s)", [pid])
    deadline = time.monotonic() + 5
    while other.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone():
        assert time.monotonic() < deadline, "the server did not end the connection"
        time.sleep(0.01)


def test_the_first_request_after_the_server_ends_a_connection_still_answers(client, postgresql):
    CampaignFactory.create(is_current=True)
    ended = backend_pid()
    end_from_the_server(postgresql, ended)

    close_old_connections()  # what Django does as each request starts
    response = client.get(reverse("ideas:list"))

    assert response.status_code == 200
    assert backend_pid() != ended


def test_a_sound_connection_is_checked_without_a_statement(postgresql):
    pid = backend_pid()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 'the last statement'")

    assert connection.is_usable()
    last = postgresql.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid])
    assert last.fetchone() == ("SELECT 'the last statement'",)


def test_after_an_error_the_server_is_asked(postgresql):
    pid = backend_pid()
    connection.errors_occurred = True
    try:
        assert connection.is_usable()
    finally:
        connection.errors_occurred = False
    last = postgresql.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid])
    assert last.fetchone() == ("SELECT 1",)
