"""`make run`: a developer's machine, SQLite, mail printed to the console."""

import structlog

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
LOGGING["formatters"]["json"]["processor"] = structlog.dev.ConsoleRenderer(colors=False)  # noqa: F405
