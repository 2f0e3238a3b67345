import io
import json
import logging
from typing import Any

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_log():
    """What the request logger writes, through the formatter configured in settings."""
    logging_config: dict[str, Any] = settings.LOGGING
    formatter_config = dict(logging_config["formatters"]["json"])
    formatter = formatter_config.pop("()")(**formatter_config)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    logger = logging.getLogger("equityhub.request")
    previous = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    yield stream
    logger.removeHandler(handler)
    logger.level, logger.propagate = previous


def _lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_request_writes_one_json_line(client, request_log):
    client.get("/accessibility/?utm_source=mail")

    [line] = _lines(request_log)
    assert line["event"] == "request"
    assert line["method"] == "GET"
    assert line["path"] == "/accessibility/"  # the query string is left out
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], int | float)
    assert line["duration_ms"] >= 0
    assert line["level"] == "info"
    assert "timestamp" in line


def test_failed_requests_are_logged_with_their_status(client, request_log):
    client.get("/cy/no-such-page/")
    client.post("/health/")

    statuses = [(line["path"], line["status"]) for line in _lines(request_log)]
    assert statuses == [("/cy/no-such-page/", 404), ("/health/", 405)]
