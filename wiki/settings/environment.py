"""How the settings read the environment: django-environ, taught this wiki's caches.

`env.bool`, `env.list`, `env.int` and the parsers of database, cache and mail URLs are
django-environ's; the settings take an empty variable as unset. What is added: the
schemes of the wiki's own cache backends (wiki/cache.py), with the options each needs,
and flags that refuse a word they do not know instead of reading it as false (a typo
in DJANGO_DEBUG must not go unnoticed).
"""

from urllib.parse import urlparse

import environ
from django.core.exceptions import ImproperlyConfigured

HOST_CACHE = "wiki.cache.HostCache"
SOFT_REDIS_CACHE = "wiki.cache.SoftRedisCache"
LOCMEM_CACHE = "django.core.cache.backends.locmem.LocMemCache"
FLAG_WORDS = {"1": True, "true": True, "yes": True, "on": True}
FLAG_WORDS |= {"0": False, "false": False, "no": False, "off": False}


class WikiEnv(environ.Env):
    """CACHE_URL: `file:///folder` (the default: a folder on this host's disk that
    every process on it shares), `redis://…` (one cache for every host, failing
    soft), `locmem://` (one per process, as in a benchmark of the floor)."""

    CACHE_SCHEMES = {
        "file": HOST_CACHE,
        "locmem": LOCMEM_CACHE,
        "redis": SOFT_REDIS_CACHE,
        "rediss": SOFT_REDIS_CACHE,
    }
    CACHE_OPTIONS = {
        HOST_CACHE: {
            # Bounded: past this size the least recently stored entries go.
            "size_limit": 2**30,
            # Each worker reads the cache through the host's file cache, rather than
            # keeping pages of its own (diskcache's default: 32 MB a shard).
            "sqlite_cache_size": 256,
            "sqlite_mmap_size": 0,
        },
    }

    @classmethod
    def cache_url_config(cls, url, backend=None):
        url = urlparse(url) if isinstance(url, str) else url
        if url.scheme not in cls.CACHE_SCHEMES:
            raise ImproperlyConfigured(
                f"CACHE_URL must be redis://…, file:///… or locmem://, not "
                f"{url.geturl()!r}."
            )
        config = super().cache_url_config(url, backend)
        if config["BACKEND"] == HOST_CACHE:
            config["LOCATION"] = url.path
        elif config["BACKEND"] == LOCMEM_CACHE:
            config.pop("LOCATION")
        options = cls.CACHE_OPTIONS.get(config["BACKEND"])
        if options:
            config["OPTIONS"] = {**options, **config.get("OPTIONS", {})}
        return config

    def bool(self, var, default=environ.Env.NOTSET):
        value = self.str(var, default="").strip().lower()
        if not value:
            if default is self.NOTSET:
                raise ImproperlyConfigured(f"Set the {var} environment variable.")
            return default
        if value not in FLAG_WORDS:
            raise ImproperlyConfigured(f"{var} must be 0 or 1, not {value!r}.")
        return FLAG_WORDS[value]


env = WikiEnv()
