"""WSGI entry point, used by gunicorn: `gunicorn config.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# What is loaded by now (Django, the apps, their modules) lives as long as the worker. Frozen,
# it is left out of the garbage collector's passes, which would otherwise walk all of it again
# every few requests (decision 0006).
gc.freeze()
