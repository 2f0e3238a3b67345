"""The test suite: fast hashing, mail kept in memory, tasks run at once."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://equityhub-test")}
# Pages are rendered afresh for every test request; test_cache.py switches the cache on.
EQUITYHUB_PAGE_CACHE_SECONDS = 0
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# The test server finds static files through the staticfiles app; no collected copy is needed.
MIDDLEWARE = [name for name in MIDDLEWARE if not name.startswith("whitenoise")]  # noqa: F405
