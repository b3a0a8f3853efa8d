"""WSGI entry point for gunicorn: debug stays off unless DJANGO_DEBUG=1."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings.base")

application = get_wsgi_application()
