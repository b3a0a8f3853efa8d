"""Settings for measuring: the site's own, with the bench's floor page beside it and
no request limits (a load test comes from one address)."""

from .base import *  # noqa: F403

ROOT_URLCONF = "wiki.benchmarks.urls"
RATELIMIT_ENABLE = False
AXES_ENABLED = False
