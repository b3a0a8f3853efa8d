"""Settings for local development, the ones manage.py runs with: the base ones with
debug on unless DJANGO_DEBUG says otherwise. (The WSGI server runs wiki.settings.base,
debug off.)
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from .base import *  # noqa: F403
