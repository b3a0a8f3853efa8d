"""Kept pages answered at the top of the middleware stack, compressed once.

PageCacheMiddleware comes first of all middleware. For a logged-out reader's request
to an address whose view is `cached_for_readers`, it asks the cache once for the kept
page and answers with it, before any other middleware, the session, the user, CSRF
or the view are looked at: a kept page costs one cache call.

What it keeps is the page as the whole stack drew it, headers and all (the security
headers, CSP, the permissions policy), in every encoding a reader may ask for
(brotli, gzip and none), each with its own ETag, as HTTP requires of different
representations, and answers If-None-Match with 304 as ConditionalGetMiddleware does.
A page drawn afresh is answered from what would be kept of it, through the same code,
so that a reader cannot tell a kept page from a fresh one by a single byte of headers
or body.

Which requests are looked up: GET or HEAD, an address that resolves to a cached view,
the view's own query string spelling, an allowed host, a scheme the site does not
redirect from, no Origin (CORS headers answer it), and no cookie that holds a
reader's own state (a session: a logged-in reader, a challenge; messages waiting).
A CSRF or language cookie changes nothing: those readers get the kept page. What the
security middleware sends depends on the scheme (HSTS), so each scheme has its own.
"""

import hashlib
import re
import time
from dataclasses import dataclass
from functools import lru_cache

import brotli
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date
from django.utils.text import compress_string

from .page_cache import LOOKUP_ATTRIBUTE, changed_at

re_accepts_brotli = re.compile(r"\bbr\b")

IDENTITY = "identity"
# Brotli's quality 5 makes pages about a fifth smaller than gzip's in under a
# millisecond; higher qualities cost many times that for a few per cent.
BROTLI_QUALITY = 5
COMPRESSORS = {
    "br": lambda body: brotli.compress(body, quality=BROTLI_QUALITY),
    "gzip": compress_string,
}
ENCODINGS = (*COMPRESSORS, IDENTITY)
# Below this many bytes compressing gains nothing (GZipMiddleware's own floor).
WORTH_COMPRESSING = 200

# Headers each representation sets for itself.
OWN_HEADERS = frozenset({"content-length", "content-encoding", "etag", "last-modified"})


def encoding_for(request):
    """The encoding a kept page is sent in: brotli, else gzip, else none. Like
    Django's GZipMiddleware, a coding named at all is taken as accepted."""
    accepted = request.headers.get("accept-encoding", "")
    if re_accepts_brotli.search(accepted):
        return "br"
    if re_accepts_gzip.search(accepted):
        return "gzip"
    return IDENTITY


@dataclass(slots=True)
class Representation:
    """A kept page in one encoding: its body, every header it is answered with, and
    when it last changed (seconds since the epoch, as Last-Modified says)."""

    body: bytes
    headers: dict
    last_modified: int

    def answer(self, request):
        """The response to `request`: the page, or 304 if the reader has it."""
        return get_conditional_response(
            request,
            etag=self.headers["ETag"],
            last_modified=self.last_modified,
            response=HttpResponse(self.body, headers=self.headers),
        )


def representations_of(response, encodings, *, changed_at):
    """`response` (a drawn page that may be kept) as a Representation for each of
    `encodings`.

    The ETag names the page and the encoding: the identity's is the digest of the
    page, each compressed one adds its coding, as Apache's mod_deflate does. The page
    was last modified when what it shows last `changed_at` (whole seconds since the
    epoch), so that drawing it again from the same data gives the same headers. A
    page too short to gain from compressing is the identity in every encoding.
    """
    patch_vary_headers(response, ["Accept-Encoding"])
    content = response.content
    shared = {
        name: value
        for name, value in response.items()
        if name.lower() not in OWN_HEADERS
    }
    digest = hashlib.md5(content, usedforsecurity=False).hexdigest()
    changed_at = int(changed_at)

    def representation(encoding):
        if encoding == IDENTITY or len(content) < WORTH_COMPRESSING:
            body, etag, coding = content, f'"{digest}"', {}
        else:
            body = COMPRESSORS[encoding](content)
            etag, coding = f'"{digest}-{encoding}"', {"Content-Encoding": encoding}
        headers = {
            **shared,
            "Content-Length": str(len(body)),
            **coding,
            "ETag": etag,
            "Last-Modified": http_date(changed_at),
        }
        return Representation(body, headers, changed_at)

    return {encoding: representation(encoding) for encoding in encodings}


def _reader_state_cookies():
    return (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


@lru_cache(maxsize=4096)
def _resolved(path, urlconf):
    """The view `path` resolves to and its keyword arguments, in the language the
    address names (the i18n patterns match its prefix), or None. Kept per process:
    the same address resolves the same way while the URLconf stays."""
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            return resolve(path, urlconf)
        except Resolver404:
            return None


def _passes_through(request):
    """Whether something about `request` itself, before its address is looked at,
    makes its answer not the shared one: its method, a cookie of the reader's own
    state, an Origin (CORS), a host the site does not serve, or a scheme the
    security middleware redirects from."""
    if request.method not in ("GET", "HEAD") or "origin" in request.headers:
        return True
    cookies = request.COOKIES
    if any(name in cookies for name in _reader_state_cookies()):
        return True
    try:
        request.get_host()
    except DisallowedHost:
        return True  # the stack answers it: 400
    return settings.SECURE_SSL_REDIRECT and not request.is_secure()


def lookup_for(request):
    """The page cache lookup for `request`, or None when its answer is not shared."""
    if _passes_through(request):
        return None
    match = _resolved(request.path_info, settings.ROOT_URLCONF)
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
        variant = f"{request.scheme}:{encoding_for(request)}"
        kept = lookup.fetch(variant)
        if kept is not None:
            return kept.answer(request)
        setattr(request, LOOKUP_ATTRIBUTE, lookup)
        response = self.get_response(request)
        if (
            not getattr(response, "kept_for_readers", False)
            or response.status_code != 200
        ):
            return response  # not shareable, or a 304 to a reader who has it
        if response.cookies:
            # Something below gave this reader a cookie after the view: theirs alone.
            patch_cache_control(response, private=True)
            return response
        return self._kept(request, lookup, response, variant)

    def _kept(self, request, lookup, response, variant):
        """Keep the drawn `response` in every encoding (when it may be kept at all),
        and answer with the one `request` asks for."""
        scheme, _, encoding = variant.partition(":")
        settled = lookup.settle()
        representations = representations_of(
            response,
            ENCODINGS if settled else (encoding,),
            changed_at=(settled and changed_at(settled)) or time.time(),
        )
        if settled:
            lookup.keep(
                {f"{scheme}:{name}": kept for name, kept in representations.items()},
                settled,
            )
        return representations[encoding].answer(request)
