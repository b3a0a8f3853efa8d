"""Kept pages answered at the top of the middleware stack, compressed once.

PageCacheMiddleware sits just below the middleware that only adds headers (security,
CSP, permissions, compression, conditional GET). For a logged-out reader's request to
an address whose view is `cached_for_readers`, it asks the cache once for the kept
page and answers with it, before the session, the user, CSRF, messages or the view
are looked at: a kept page costs one cache call and those few headers.

What it keeps is the page as the rest of the stack drew it, headers and all, in
every encoding a reader may ask for (brotli, gzip and none), each with its own
ETag, as HTTP requires of different representations. A page drawn afresh is answered
from what would be kept of it, through the same code, so that a reader cannot tell
a kept page from a fresh one by a single byte of headers or body.

Which requests are looked up: GET or HEAD, an address that resolves to a cached view,
the view's own query string spelling, and no cookie that holds a reader's own state
(a session: a logged-in reader, a challenge; messages waiting). A CSRF or language
cookie changes nothing: those readers get the kept page.
"""

import hashlib
import time

import brotli
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.regex_helper import _lazy_re_compile
from django.utils.text import compress_string

from .page_cache import LOOKUP_ATTRIBUTE, changed_at

re_accepts_brotli = _lazy_re_compile(r"\bbr\b")

IDENTITY = "identity"
# Brotli's quality 5 makes pages about a fifth smaller than gzip's in under a
# millisecond; higher qualities cost many times that for a few per cent.
BROTLI_QUALITY = 5
COMPRESSORS = {
    "br": lambda body: brotli.compress(body, quality=BROTLI_QUALITY),
    "gzip": compress_string,
}
ENCODINGS = (*COMPRESSORS, IDENTITY)

# Headers each representation sets for itself.
OWN_HEADERS = frozenset({"content-length", "content-encoding", "etag", "last-modified"})


def encoding_for(request):
    """The encoding a kept page is sent in: brotli, else gzip, else none. Like
    Django's GZipMiddleware, a coding named at all is taken as accepted."""
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    if re_accepts_brotli.search(accepted):
        return "br"
    if re_accepts_gzip.search(accepted):
        return "gzip"
    return IDENTITY


class Representation:
    """A kept page in one encoding: its body and every header it is answered with."""

    __slots__ = ("body", "headers")

    def __init__(self, body, headers):
        self.body = body
        self.headers = headers

    def __getstate__(self):
        return (self.body, self.headers)

    def __setstate__(self, state):
        self.body, self.headers = state

    def response(self):
        return HttpResponse(self.body, headers=self.headers)


def representations_of(response, encodings, *, changed_at):
    """`response` (a drawn page that may be kept) as a Representation per encoding.

    The ETag names the page and the encoding: the identity's is the digest of the
    page, each compressed one adds its coding, as Apache's mod_deflate does. The page
    was last modified when what it shows last `changed_at` (seconds since the epoch),
    so that drawing it again from the same data gives the same headers.
    """
    patch_vary_headers(response, ["Accept-Encoding"])
    content = response.content
    shared = {
        name: value
        for name, value in response.items()
        if name.lower() not in OWN_HEADERS
    }
    digest = hashlib.md5(content, usedforsecurity=False).hexdigest()
    last_modified = http_date(changed_at)
    made = {}
    for encoding in encodings:
        body = content if encoding == IDENTITY else COMPRESSORS[encoding](content)
        headers = {**shared, "Content-Length": str(len(body))}
        if encoding != IDENTITY:
            headers["Content-Encoding"] = encoding
        headers["ETag"] = (
            f'"{digest}"' if encoding == IDENTITY else f'"{digest}-{encoding}"'
        )
        headers["Last-Modified"] = last_modified
        made[encoding] = Representation(body, headers)
    return made


def _reader_state_cookies():
    return (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def _resolved(path):
    """The view `path` resolves to and its keyword arguments, in the language the
    address names (the i18n patterns match its prefix), or None."""
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            return resolve(path)
        except Resolver404:
            return None


def lookup_for(request):
    """The page cache lookup for `request`, or None when its answer is not shared."""
    cookies = request.COOKIES
    if any(name in cookies for name in _reader_state_cookies()):
        return None
    try:
        request.get_host()
    except DisallowedHost:
        return None  # the stack answers it: 400
    match = _resolved(request.path_info)
    policy = getattr(match.func, "page_cache_policy", None) if match else None
    return policy.lookup_for(request, match.kwargs) if policy else None


class PageCacheMiddleware:
    """Answer a logged-out reader's request from the page cache, and keep what the
    stack draws for them (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lookup = lookup_for(request)
        if lookup is None:
            return self.get_response(request)
        encoding = encoding_for(request)
        kept = lookup.fetch(encoding)
        if kept is not None:
            return kept.response()
        setattr(request, LOOKUP_ATTRIBUTE, lookup)
        response = self.get_response(request)
        if not getattr(response, "kept_for_readers", False):
            return response
        if response.cookies:
            # Something below gave this reader a cookie after the view: theirs alone.
            patch_cache_control(response, private=True)
            return response
        settled = lookup.settle()
        representations = representations_of(
            response,
            ENCODINGS if settled else (encoding,),
            changed_at=(settled and changed_at(settled)) or time.time(),
        )
        if settled:
            lookup.keep(representations, settled)
        return representations[encoding].response()
