"""The answers to requests that fail: in JSON under the read API, the site's pages
elsewhere, and 503 when a service the site needs is down."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.defaults import bad_request as site_bad_request
from django.views.defaults import page_not_found as site_page_not_found
from django.views.defaults import server_error

from ..api import is_api_request

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


def bad_request(request, exception):
    """handler400: a malformed request (a NUL in its query, say)."""
    if is_api_request(request):
        return JsonResponse({"detail": _("Malformed request.")}, status=400)
    return site_bad_request(request, exception)


def not_found(request, exception):
    """handler404: an address no view serves, or one a view found nothing at."""
    if is_api_request(request):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return site_page_not_found(request, exception)
