"""WSGI entry point for gunicorn: debug stays off unless DJANGO_DEBUG=1."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings.base")
# On PostgreSQL, a web request's statement may run 10 s at most: past that the request
# gets a 503 (wiki.middleware.ServiceUnavailableMiddleware) long before gunicorn's
# 30 s timeout kills the worker. Jobs, migrations and backups run without this limit.
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT_MS", "10000")

application = get_wsgi_application()
