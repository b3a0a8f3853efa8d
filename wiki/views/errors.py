"""The answer to a request that failed: 503 when a service the site needs is down."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error

logger = logging.getLogger("wiki.errors")

# Seconds a reader is asked to wait before trying again.
RETRY_AFTER = 30


def _is_unavailable(error):
    """Whether `error` says a service is down or too slow, rather than a bug: the
    database's operational and interface errors are a lost connection, a statement
    timeout, a cluster shutting down."""
    return isinstance(error, OperationalError | InterfaceError)


def failed(request):
    """handler500: a 503 with Retry-After when a service is down, else Django's 500.

    The 503 page is drawn without the site's base template, which reads the database.
    """
    error = sys.exc_info()[1]
    if not _is_unavailable(error):
        return server_error(request)
    logger.warning("A service did not answer %s: %r", request.path, error)
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response
