"""`make bench`: the production settings, served over plain HTTP on the loopback interface.

Only what the benchmark needs differs from production: no redirect to HTTPS (wrk talks plain
HTTP to gunicorn directly, with no TLS proxy in front) and one extra URL, the framework's
floor, a view that returns a short fixed response. See bench/README.md.
"""

from .production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
ROOT_URLCONF = "config.urls_bench"
