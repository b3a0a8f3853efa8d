"""How the read API words its errors."""

from django.http import Http404
from rest_framework.exceptions import NotFound
from rest_framework.views import exception_handler


def api_exception_handler(exc, context):
    """DRF's handler, where nothing found is DRF's "Not found.", which speaks the
    client's language, rather than Django's English "No Page matches the given
    query.", which names a model."""
    if isinstance(exc, Http404):
        exc = NotFound()
    return exception_handler(exc, context)
