"""Production: every secret and address comes from the environment (docs/deployment.md)."""

from typing import Any

from .base import *  # noqa: F403
from .base import DATABASES, STATIC_ROOT, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
# Old keys still accepted while a new one is rolled out (docs/operations.md, rotating secrets).
SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# Behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# Load balancers probe /health/ over plain HTTP inside the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# base.py keeps PostgreSQL connections open between requests; keep a SQLite database's open too,
# which saves opening the file and reading its schema on every request (docs/performance.md).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)

# Mail goes out through an SMTP relay (Django 6.1's MAILERS; the EMAIL_* names are kept).
_smtp_options: Any = {
    "host": env("EMAIL_HOST", default="localhost"),
    "port": env.int("EMAIL_PORT", default=587),
    "username": env("EMAIL_HOST_USER", default=""),
    "password": env("EMAIL_HOST_PASSWORD", default=""),
    "use_tls": env.bool("EMAIL_USE_TLS", default=True),
    "timeout": env.int("EMAIL_TIMEOUT", default=20),
}
MAILERS = {
    "default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": _smtp_options}
}

# Who to write to about accessibility, privacy and anything else on the site's own pages.

# collectstatic gathers files here; whitenoise serves them with hashed names and compression.
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=STATIC_ROOT)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}
