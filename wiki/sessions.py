"""Sessions read from the cache and written through to the database (`cached_db`),
that stay true when the cache fails.

A session the cache could not drop or update (a logout, a new login, a change while
Redis was unreachable) would be read from the cache again once it answers: the old
session alive after its logout. So each such session's cache entry is dropped by a
background job, retried until the cache answers; until then and after, the database
holds the truth.
"""

from django.conf import settings
from django.contrib.sessions.backends import cached_db
from django.core.cache import caches

from .cache import failed_just_now
from .jobs import job


class SessionStore(cached_db.SessionStore):
    def save(self, must_create=False):
        super().save(must_create)
        self._forget_if_the_cache_failed(self.cache_key)

    def delete(self, session_key=None):
        key = session_key or self.session_key
        super().delete(session_key)
        if key is not None:
            self._forget_if_the_cache_failed(self.cache_key_prefix + key)

    def _forget_if_the_cache_failed(self, cache_key):
        if failed_just_now(self._cache):
            forget_cached_session.enqueue(cache_key)


@job(retries=12)
def forget_cached_session(cache_key):
    """Drop a session's entry from the cache, which failed to take its change."""
    cache = caches[settings.SESSION_CACHE_ALIAS]
    cache.delete(cache_key)
    if failed_just_now(cache):
        raise ConnectionError("The cache did not drop the session.")
