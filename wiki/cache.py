"""The site's caches: Redis that fails soft, and the host's own folder (HostCache).

When Redis is down, slow or full, the site goes on.

Everything the wiki keeps in Redis can be had again from the database: kept pages are
drawn afresh, sessions are read from their table (`cached_db`), and request limits are
not counted (RATELIMIT_FAIL_OPEN: the site stays open rather than refusing everyone).
So a failed call to Redis is answered as a miss: `get` gives the default, `add` and
`set` keep nothing, `set_many` names every key it could not set (so that the page
cache knows a version was not renewed), and `incr` finds no key.

Each call waits at most REDIS_TIMEOUT. After a failure, Redis is left alone for
WIKI_CACHE_RETRY_AFTER seconds, so that a cache that hangs costs one request a
quarter of a second rather than costing every request; then the next call tries it
again, and the site is back at full speed as soon as Redis answers. A failure is
logged at most once a minute per process, with how many calls failed since.
"""

import logging
import time
from functools import wraps

from diskcache import DjangoCache
from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger("wiki.cache")

REDIS_TIMEOUT = 0.25  # seconds, to connect and for each answer
LOG_EVERY = 60.0  # seconds between two log lines about failures

CLIENT_OPTIONS = {
    "socket_connect_timeout": REDIS_TIMEOUT,
    "socket_timeout": REDIS_TIMEOUT,
    # A call that failed is a miss at once: no retry inside the call.
    "retry": Retry(NoBackoff(), 0),
}


class _Outage:
    """This process's view of Redis: when it last failed, and what was logged."""

    def __init__(self):
        self.failed_at = None
        self.logged_at = None
        self.unlogged = 0

    def skipping(self):
        return (
            self.failed_at is not None
            and time.monotonic() - self.failed_at < settings.WIKI_CACHE_RETRY_AFTER
        )

    def failed(self, error):
        now = time.monotonic()
        self.failed_at = now
        self.unlogged += 1
        if self.logged_at is None or now - self.logged_at >= LOG_EVERY:
            logger.error(
                "Redis failed (%s: %s); serving from the database. "
                "%d call(s) failed since the last report.",
                type(error).__name__,
                error,
                self.unlogged,
            )
            self.logged_at, self.unlogged = now, 0

    def recovered(self):
        if self.failed_at is not None:
            logger.warning("Redis answers again.")
        self.failed_at = None


def failed_just_now(cache):
    """Whether the last call to `cache` failed (or was skipped, Redis being down)."""
    outage = getattr(cache, "outage", None)
    return outage is not None and outage.failed_at is not None


def _soft(miss):
    """Answer `miss(*args, **kwargs)` instead of raising when Redis fails."""

    def decorator(method):
        @wraps(method)
        def call(self, *args, **kwargs):
            if self.outage.skipping():
                return miss(*args, **kwargs)
            try:
                answer = method(self, *args, **kwargs)
            except RedisError as error:
                self.outage.failed(error)
                return miss(*args, **kwargs)
            self.outage.recovered()
            return answer

        return call

    return decorator


def _nothing(*args, **kwargs):
    return None


def _no(*args, **kwargs):
    return False


def _no_key(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found: the cache is unavailable.")


class SoftRedisCache(RedisCache):
    """Django's Redis cache, answering a miss whenever Redis fails."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**CLIENT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self.outage = _Outage()

    get = _soft(lambda key, default=None, *args, **kwargs: default)(RedisCache.get)
    get_many = _soft(lambda keys, *args, **kwargs: {})(RedisCache.get_many)
    set = _soft(_nothing)(RedisCache.set)
    set_many = _soft(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    add = _soft(_no)(RedisCache.add)
    touch = _soft(_no)(RedisCache.touch)
    delete = _soft(_no)(RedisCache.delete)
    delete_many = _soft(_nothing)(RedisCache.delete_many)
    has_key = _soft(_no)(RedisCache.has_key)
    incr = _soft(_no_key)(RedisCache.incr)
    clear = _soft(_no)(RedisCache.clear)


class HostCache(DjangoCache):
    """diskcache's Django cache, its SQLite connections kept from one request to the
    next: Django closes every cache as a request ends, and opening diskcache's anew
    (a connection and its settings per shard) would cost each request more than the
    page it serves from the cache."""

    def close(self, **kwargs):
        pass
