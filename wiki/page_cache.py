"""The page cache: what logged-out readers are shown, kept until what it shows changes.

Every reader who is not logged in sees the same page at an address, so the first one's
response is kept in the shared cache (Redis in production) and served to the next. A
kept response records the *versions* of the tags it depends on: its page (`page_tag`),
any change to the wiki (`CHANGES`), everything (`EVERYTHING`). A write gives those tags
new versions once it commits; a kept response whose versions are no longer current is
never served, on any worker or host, and the next reader's response replaces it. One
call to the cache fetches the versions and the kept response together.

The versions are read before the view runs. A write that commits while a view renders
therefore leaves that view's response recorded under versions already replaced: it may
be computed from the older data, but it is never served.

Versions are random tokens rather than counters: a version evicted from the cache comes
back as a new token, so nothing recorded under the lost one can match it by chance.
Versions expire like kept pages, so that the cache can always evict enough: a version
that expired only makes its pages draw afresh.

When the cache fails (wiki/cache.py answers every failure as a miss), a version that
cannot be read is no version: nothing is served or kept under it. A version that a
write could not renew is deleted (a full Redis refuses writes, not deletions), and
renewed by a background job, retried until the cache answers, so that pages kept
before the write are not served once it is back.
"""

import hashlib
import re
import secrets
import threading
import time
from dataclasses import dataclass
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils.cache import (
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date

from .jobs import job
from .namespaces import subject_slug

# Every kept response depends on this: the structured data an app draws on pages, and
# the code itself (see WikiConfig.ready), may change what any page shows.
EVERYTHING = "everything"
# Every write to the wiki: lists, the home page and categories show what changed.
CHANGES = "changes"

VERSION_PREFIX = "wiki:tag:"
RESPONSE_PREFIX = "wiki:page:"


def page_tag(slug):
    """The tag of a page and its talk page, which show each other's title and size."""
    return f"page:{subject_slug(slug)}"


def _digest(text):
    """A cache key's part for any text: slugs may be long or hold any letter."""
    return hashlib.md5(text.encode("utf-8", "surrogateescape")).hexdigest()


def _version_keys(tags):
    return [VERSION_PREFIX + _digest(tag) for tag in tags]


def invalidate(*tags):
    """Give `tags` new versions now, and again once the current transaction commits.

    The first makes the writer's own transaction see its write; the second throws away
    what a reader rendered from the old data between the two. After the commit, a
    failure to reach the cache is logged rather than raised: the write is saved and
    the writer must hear so.
    """
    tags = list(tags)

    def renew_or_retry():
        if _renew(tags):
            renew_versions.enqueue(tags)

    _renew(tags)
    transaction.on_commit(renew_or_retry, robust=True)


def _renew(tags):
    """Give `tags` new versions; return the keys the cache did not take.

    Those are deleted instead, which a full Redis still allows: a missing version
    serves nothing kept under the old one.
    """
    keys = _version_keys(tags)
    failed = cache.set_many({key: _token() for key in keys}, timeout=_lifetime())
    if failed:
        cache.delete_many(failed)
    return failed


@job(retries=12)
def renew_versions(tags):
    """Renew the versions of `tags`, which a write could not renew: the cache failed."""
    if _renew(tags):
        raise ConnectionError("The cache did not take the new versions.")


def _token():
    return secrets.token_hex(8)


def _lifetime():
    return settings.WIKI_PAGE_CACHE_SECONDS


@dataclass(frozen=True)
class _Versions:
    """The versions of a response's tags, as read before the view ran."""

    keys: list
    found: dict

    def __str__(self):
        return ":".join(str(self.found.get(key)) for key in self.keys)

    def settle(self):
        """The versions to keep a response under, or None to keep it not at all.

        A version not yet made is made now, after the view, so that a request that is
        never kept (a 404, a stranger's made-up address) leaves nothing behind. It is
        made with `add`: if someone else made it since the view began, which a
        write does, the response may be older than that write, and is not kept.
        (What this thread made meanwhile, for a value the view kept, is its own.)
        """
        tokens = []
        for key in self.keys:
            token = self.found.get(key)
            if token is None:
                token = _made_here.tokens.get(key)
                if token is None or cache.get(key) != token:
                    token = _token()
                    if not cache.add(key, token, timeout=_lifetime()):
                        return None
                    _made_here.tokens[key] = token
            tokens.append(token)
        return ":".join(tokens)


class _MadeHere(threading.local):
    """The versions this thread made since its current request began."""

    def __init__(self):
        self.tokens = {}


_made_here = _MadeHere()


def _fetch(key, tags):
    """What is kept under `key`, if it was made under the current versions of `tags`;
    and those versions. One call to the cache."""
    version_keys = _version_keys(tags)
    found = cache.get_many([*version_keys, key])
    versions = _Versions(
        version_keys, {k: found[k] for k in version_keys if k in found}
    )
    kept = found.get(key)
    complete = len(versions.found) == len(version_keys)
    if complete and kept is not None and kept.versions == str(versions):
        return kept.value, versions
    return None, versions


@dataclass(frozen=True)
class _Kept:
    versions: str
    value: object


def _keep(key, versions, value):
    settled = versions.settle()
    if settled is not None:
        cache.set(key, _Kept(settled, value), timeout=_lifetime())


def remember(key, compute, *, tags=(EVERYTHING,)):
    """`compute()`'s value, kept under `key` until one of `tags` changes."""
    key = f"wiki:kept:{_digest(key)}"
    value, versions = _fetch(key, tags)
    if value is None:
        value = compute()
        _keep(key, versions, value)
    return value


@dataclass(frozen=True)
class KeptResponse:
    """What is kept of a response: enough to answer again, byte for byte."""

    content: bytes
    content_type: str
    etag: str
    last_modified: float

    @classmethod
    def of(cls, response):
        set_response_etag(response)
        return cls(
            content=response.content,
            content_type=response["Content-Type"],
            etag=response["ETag"],
            last_modified=time.time(),
        )

    def response(self):
        response = HttpResponse(self.content, content_type=self.content_type)
        self.label(response)
        return response

    def label(self, response):
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified)


# Query parameters whose values have one spelling each; any other spelling of the
# same value (page=01, page=1.0) is not kept, so that it cannot make another copy.
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")
ANY_VALUE = re.compile(r".+", re.DOTALL)


def _is_canonical(request, params):
    """Whether the query string is the one spelling of what it asks for: only
    parameters the view reads (`params`: name to the form of its value), each once,
    in the view's order, each value in its form."""
    query = request.GET
    if any(name not in params or len(query.getlist(name)) > 1 for name in query):
        return False
    asked = [(name, query[name]) for name in params if name in query]
    return all(params[name].fullmatch(value) for name, value in asked) and (
        request.META.get("QUERY_STRING", "") == urlencode(asked)
    )


def _is_shared_request(request, params):
    """Whether the response is the same for every logged-out reader, and may be kept.

    Only GET and HEAD, only a canonical query string (any other would let a stranger
    fill the cache with copies), no user, and no message waiting to be shown.
    """
    return (
        request.method in ("GET", "HEAD")
        and _is_canonical(request, params)
        and not request.user.is_authenticated
        and not len(get_messages(request))
    )


def _is_shareable(request, response):
    """A complete page that gave the reader nothing of their own: no CSRF token, no
    session, no message, no cookie, nothing marked private."""
    return (
        not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.session.modified
        and not len(get_messages(request))
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _mark_public(response):
    patch_vary_headers(response, ["Cookie"])
    patch_cache_control(
        response,
        public=True,
        max_age=settings.WIKI_PAGE_MAX_AGE,
        stale_while_revalidate=settings.WIKI_PAGE_STALE_WHILE_REVALIDATE,
    )
    return response


def _response_key(request):
    return RESPONSE_PREFIX + _digest(request.get_full_path())


def cached_for_readers(*, tags=lambda request, **kwargs: (), params=()):
    """Serve a view's response to logged-out readers from the page cache.

    `tags(request, **view_kwargs)` names what the page shows besides every change to
    the wiki's content and structure (EVERYTHING); `params` are the query parameters
    the view reads, each a name (`page` is a page number) or a name and the form of
    its values. Anything else (a logged-in reader, a pending message, an unknown
    parameter or another spelling of one, a response that is not a plain 200, one
    marked no-store because a parameter changed nothing) passes through untouched.
    """
    params = dict(
        param if isinstance(param, tuple) else (param, _FORMS.get(param, ANY_VALUE))
        for param in params
    )

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not _is_shared_request(request, params):
                return view(request, *args, **kwargs)
            _made_here.tokens.clear()
            key = _response_key(request)
            kept, versions = _fetch(key, [EVERYTHING, *tags(request, **kwargs)])
            if kept is not None:
                return _mark_public(kept.response())
            response = view(request, *args, **kwargs)
            if isinstance(response, SimpleTemplateResponse):
                response.render()
            if not _is_shareable(request, response):
                return response
            kept = KeptResponse.of(response)
            _keep(key, versions, kept)
            kept.label(response)
            return _mark_public(response)

        return wrapped

    return decorator


_FORMS = {"page": PAGE_NUMBER}


def of_page(request, slug, **kwargs):
    """Tags for the views of one page: read, history, a revision, a diff."""
    return [page_tag(slug)]


def of_changes(request, **kwargs):
    """Tags for the views of many pages: the home page, lists, categories."""
    return [CHANGES]
