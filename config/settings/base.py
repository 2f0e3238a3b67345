"""Settings shared by every environment; each environment module overrides only what differs.

Everything a deployment changes comes from an environment variable: see docs/deployment.md.
"""

from pathlib import Path
from typing import Any

import environ
import structlog
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-local-key-never-use-in-production")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
SITE_URL = env("EQUITYHUB_SITE_URL", default="http://127.0.0.1:8000")
# Where visitors write about accessibility, privacy and the site itself.
# Ideas Platform: how many ideas a member may post in an hour, and how many open reports hide
# a piece of content until a moderator looks at it.
EQUITYHUB_IDEAS_PER_HOUR = env.int("EQUITYHUB_IDEAS_PER_HOUR", default=10)
EQUITYHUB_REPORTS_TO_HIDE = env.int("EQUITYHUB_REPORTS_TO_HIDE", default=3)
# Seconds a public page is cached for visitors who are not signed in; 0 switches it off
# (equityhub/core/cache.py). Members always get a fresh page.
EQUITYHUB_PAGE_CACHE_SECONDS = env.int("EQUITYHUB_PAGE_CACHE_SECONDS", default=5)
EQUITYHUB_CONTACT_EMAIL = env("EQUITYHUB_CONTACT_EMAIL", default="help@equityhub.example")

INSTALLED_APPS = [
    # modeltranslation must precede django.contrib.admin so the admin shows both languages.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_htmx",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "equityhub.core",
    "equityhub.accounts",
    "equityhub.campaigns",
    "equityhub.moderation",
    "equityhub.ideas",
    "equityhub.actions",
    "equityhub.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "equityhub.core.middleware.RequestLogMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATE_CONTEXT_PROCESSORS = [
    "django.template.context_processors.request",
    "django.template.context_processors.i18n",
    "django.template.context_processors.csp",
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
    "equityhub.core.context_processors.site",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": TEMPLATE_CONTEXT_PROCESSORS,
            "builtins": ["django.templatetags.i18n", "equityhub.core.templatetags.equityhub"],
        },
    },
    {
        # The layout and the busiest pages (equityhub/core/jinja.py, decision 0006).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,  # each app's jinja2/ folder; the layout is core's
        "OPTIONS": {
            "environment": "equityhub.core.jinja.environment",
            "context_processors": TEMPLATE_CONTEXT_PROCESSORS,
        },
    },
]

# Database: SQLite in WAL mode unless DATABASE_URL names another server.
DATABASES = {
    "default": env.db(
        "DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'equityhub.sqlite3'}"
    ),
}
_on_postgresql = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
            # 64 MiB of pages per connection rather than SQLite's 2 MiB: with less, a searched
            # list evicted the pages of its own next statement (decision 0009).
            " PRAGMA cache_size=-65536;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if _on_postgresql:
    # Django's backend, with a health check that asks the connection's socket rather than
    # the server (equityhub/core/postgresql, decision 0009).
    DATABASES["default"]["ENGINE"] = "equityhub.core.postgresql"
if _on_postgresql and env.bool("DATABASE_PREPARED_STATEMENTS", default=True):
    # Values travel apart from the statement, and a statement a connection has run five
    # times is prepared: PostgreSQL then skips parsing and planning it (decision 0009).
    # Turn this off behind a pooler that cannot keep prepared statements.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://equityhub")}

TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}

# Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ["email", "display_name"]},
    },
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:settings"
ACCOUNT_ADAPTER = "equityhub.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "equityhub.accounts.forms.SignupProfileForm"
# allauth forms whose error messages name what is missing (equityhub/accounts/allauth_forms.py).
ACCOUNT_FORMS = {
    "login": "equityhub.accounts.allauth_forms.LoginForm",
    "signup": "equityhub.accounts.allauth_forms.SignupForm",
    "reset_password": "equityhub.accounts.allauth_forms.ResetPasswordForm",
    "reset_password_from_key": "equityhub.accounts.allauth_forms.ResetPasswordKeyForm",
    "change_password": "equityhub.accounts.allauth_forms.ChangePasswordForm",
    "add_email": "equityhub.accounts.allauth_forms.AddEmailForm",
    "reauthenticate": "equityhub.accounts.allauth_forms.ReauthenticateForm",
}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "EquityHub: "
ACCOUNT_RATE_LIMITS = {
    "login_failed": env("EQUITYHUB_LOGIN_RATE_LIMIT", default="5/5m/ip,5/5m/key"),
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "EquityHub"
MFA_FORMS = {
    "authenticate": "equityhub.accounts.allauth_forms.AuthenticateForm",
    "reauthenticate": "equityhub.accounts.allauth_forms.MfaReauthenticateForm",
    "activate_totp": "equityhub.accounts.allauth_forms.ActivateTOTPForm",
}

# Mail: console locally, SMTP in production; see docs/deployment.md.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env(
    "DJANGO_DEFAULT_FROM_EMAIL", default="EquityHub <no-reply@equityhub.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Languages: English at /, Welsh at /cy/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("cy", _("Welsh"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/London"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "cy")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

# Static and media files: front-end packages come from npm, copied in by `make static`.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Security headers, on in every environment.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOG_RENDERER = env("DJANGO_LOG_FORMAT", default="json")
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": structlog.stdlib.ProcessorFormatter,
            "processor": (
                structlog.dev.ConsoleRenderer(colors=False)
                if LOG_RENDERER == "console"
                else structlog.processors.JSONRenderer()
            ),
            "foreign_pre_chain": [
                structlog.processors.TimeStamper(fmt="iso"),
                structlog.stdlib.add_log_level,
                structlog.stdlib.add_logger_name,
            ],
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.server": {"level": "WARNING"},
    },
}

NINJA_PAGINATION_PER_PAGE = 20

EQUITYHUB_SEARCH_BACKEND = (
    "equityhub.core.search.backends.PostgresBackend"
    if _on_postgresql
    else "equityhub.core.search.backends.SqliteBackend"
)
