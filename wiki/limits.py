"""How often one address or one user may do a thing (log in, sign up, save, upload…).

Counters live in the cache (django-ratelimit), which every worker and host shares once
CACHE_URL names Redis. The limits are the WIKI_RATE_LIMITS setting; RATELIMIT_ENABLE=0
switches them off.
"""

from http import HTTPStatus

from django.conf import settings
from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from ipware import get_client_ip

from .rights import is_trusted

TOO_MANY_REQUESTS = _("You are doing that too often. Wait a few minutes and try again.")
UNKNOWN_ADDRESS = "0.0.0.0"


def client_ip(request):
    """The address a request comes from, looking past WIKI_PROXY_COUNT proxies.

    Without trusted proxies only the connection's own address counts, since anyone can
    write an X-Forwarded-For header.
    """
    proxy_count = settings.WIKI_PROXY_COUNT
    if proxy_count:
        # ipware counts the proxies after the first: the client's address is the
        # one the outermost proxy appended, `proxy_count` from the right. Not
        # strict: addresses a client wrote before it are skipped, not a refusal.
        address, _ = get_client_ip(request, proxy_count=proxy_count - 1, strict=False)
    else:
        address = request.META.get("REMOTE_ADDR")
    return address or UNKNOWN_ADDRESS


def over_limit(request, action):
    """Count this request against `action`'s limit per address and per user (a
    tighter one for users not yet autoconfirmed).

    Returns whether either limit is now passed; a refused request counts too, so that
    hammering does not reopen the door.
    """
    rate = settings.WIKI_RATE_LIMITS[action]
    if request.user.is_authenticated and not is_trusted(request.user):
        rate = settings.WIKI_NEWCOMER_RATE_LIMITS.get(action, rate)
    keys = ["ip", "user"] if request.user.is_authenticated else ["ip"]
    passed = [
        is_ratelimited(
            request, group=f"wiki.{action}", key=key, rate=rate, increment=True
        )
        for key in keys
    ]
    return any(passed)


def refusal_past_limit(request, action, redraw=None):
    """None while `request` is within `action`'s limit (it counts against it).

    Past the limit, the answer: status 429 and why, on `redraw(status)` (the page the
    request came from, drawn again with what the user typed) or on a page of its own.
    """
    if not over_limit(request, action):
        return None
    messages.error(request, TOO_MANY_REQUESTS)
    status = HTTPStatus.TOO_MANY_REQUESTS
    return redraw(status) if redraw else render(request, "429.html", status=status)
