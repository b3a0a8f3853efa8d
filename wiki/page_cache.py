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
from django.template.response import SimpleTemplateResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

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
    """A new version: the second it was made (in hex), then chance."""
    return f"{int(time.time()):x}.{secrets.token_hex(8)}"


def changed_at(settled):
    """When the newest of `settled` versions (as `_Versions.settle` gives them) was
    made: the last time anything a page kept under them shows changed. (Versions
    made before versions said their time count as never.)"""
    return max(
        (
            int(token.partition(".")[0], 16)
            for token in settled.split(":")
            if "." in token
        ),
        default=0,
    )


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
    settled = _settle(versions)
    if settled is not None:
        _keep_many({key: value}, settled)


def _settle(versions):
    """`versions.settle()`, or None when no versions were read (nothing is read when
    nothing may be kept, WIKI_PAGE_CACHE_SECONDS=0)."""
    return versions.settle() if versions is not None else None


def _keep_many(values, settled):
    """Keep each of `values` (key to value) under the `settled` versions."""
    kept = {key: _Kept(settled, value) for key, value in values.items()}
    cache.set_many(kept, timeout=_lifetime())


def remember(key, compute, *, tags=(EVERYTHING,)):
    """`compute()`'s value, kept under `key` until one of `tags` changes; computed
    each time when nothing may be kept (WIKI_PAGE_CACHE_SECONDS=0)."""
    if _lifetime() <= 0:
        return compute()
    key = f"wiki:kept:{_digest(key)}"
    value, versions = _fetch(key, tags)
    if value is None:
        value = compute()
        _keep(key, versions, value)
    return value


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


def _is_shareable(request, response):
    """A complete page that gave a logged-out reader nothing of their own: no CSRF
    token, no session, no message, no cookie, nothing marked private."""
    return (
        not request.user.is_authenticated
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
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


def response_key(full_path):
    """The key under which the responses kept for `full_path` (path and query) live,
    one for each variant."""
    return RESPONSE_PREFIX + _digest(full_path)


# The request attribute that carries PageCacheMiddleware's lookup to the view.
LOOKUP_ATTRIBUTE = "page_cache_lookup"


@dataclass
class Lookup:
    """One request's look into the page cache: its response's key and tags, and the
    versions read with it, under which what the view draws may be kept."""

    key: str
    tags: list
    versions: _Versions | None = None

    def fetch(self, variant):
        """The `variant` of the kept response if it is current, or None; one call
        to the cache, which also reads the versions. Nothing is asked when nothing
        may be kept."""
        _made_here.tokens.clear()
        if _lifetime() <= 0:
            return None
        kept, self.versions = _fetch(self._key(variant), self.tags)
        return kept

    def settle(self):
        """The versions to keep what the view drew under (see `_Versions.settle`),
        or None to keep nothing."""
        return _settle(self.versions)

    def keep(self, variants, settled):
        """Keep every variant (a name to its value) under the `settled` versions."""
        _keep_many(
            {self._key(name): value for name, value in variants.items()}, settled
        )

    def _key(self, variant):
        return f"{self.key}:{variant}"


@dataclass(frozen=True)
class CachePolicy:
    """What `cached_for_readers` says of a view: the tags of what it shows, and the
    query parameters it reads with the form of their values."""

    tags: object
    params: dict

    def lookup_for(self, request, view_kwargs):
        """The cache lookup for `request`, or None if its response is not shared."""
        if request.method not in ("GET", "HEAD") or not _is_canonical(
            request, self.params
        ):
            return None
        return Lookup(
            key=response_key(request.get_full_path()),
            tags=[EVERYTHING, *self.tags(request, **view_kwargs)],
        )


def cached_for_readers(*, tags=lambda request, **kwargs: (), params=()):
    """Serve a view's response to logged-out readers from the page cache.

    `tags(request, **view_kwargs)` names what the page shows besides every change to
    the wiki's content and structure (EVERYTHING); `params` are the query parameters
    the view reads, each a name (`page` is a page number) or a name and the form of
    its values. Anything else (a logged-in reader, a pending message, an unknown
    parameter or another spelling of one, a response that is not a plain 200, one
    marked no-store because a parameter changed nothing) passes through untouched.

    The cache itself is PageCacheMiddleware's, which finds this policy on the view
    the address resolves to and answers a kept page before the view, the session or
    the user are looked at. The view's part is to say, once it has drawn a page for
    a request the middleware looked up, whether that page may be kept.
    """
    policy = CachePolicy(
        tags=tags,
        params=dict(
            param if isinstance(param, tuple) else (param, _FORMS.get(param, ANY_VALUE))
            for param in params
        ),
    )

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if getattr(request, LOOKUP_ATTRIBUTE, None) is None:
                return response
            if isinstance(response, SimpleTemplateResponse):
                response.render()
            if _is_shareable(request, response):
                response.kept_for_readers = True
                _mark_public(response)
            return response

        wrapped.page_cache_policy = policy
        return wrapped

    return decorator


_FORMS = {"page": PAGE_NUMBER}


def of_page(request, slug, **kwargs):
    """Tags for the views of one page: read, history, a revision, a diff."""
    return [page_tag(slug)]


def of_changes(request, **kwargs):
    """Tags for the views of many pages: the home page, lists, categories."""
    return [CHANGES]
