"""ASGI entry point: debug stays off unless DJANGO_DEBUG=1."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings.base")

application = get_asgi_application()
