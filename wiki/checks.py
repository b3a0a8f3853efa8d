"""System checks of the wiki's own settings."""

import os

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def check_outgoing_mail(app_configs, **kwargs):
    """Password-reset links must go out by mail, not into the server's log."""
    if settings.EMAIL_BACKEND.endswith(("console.EmailBackend", "locmem.EmailBackend")):
        return [
            checks.Warning(
                "EMAIL_URL is not set, so password-reset mail is written to the "
                "server's log instead of being sent.",
                hint="Set EMAIL_URL, e.g. smtp://user:password@mail.example.org:587.",
                id="wiki.W001",
            )
        ]
    return []


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """The page cache, request limits and sessions need a cache every worker shares."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache"):
        return [
            checks.Warning(
                "The cache is local memory: each worker process keeps its own, so "
                "readers are served pages another worker kept before an edit, and "
                "each worker counts request limits on its own.",
                hint="Set CACHE_URL, e.g. redis://cache.internal:6379/0.",
                id="wiki.W002",
            )
        ]
    if backend == "wiki.cache.HostCache":
        return [
            checks.Warning(
                "CACHE_URL is not set, so the cache is a folder on this host's disk: "
                "every worker on this host shares it, but no other host does. With "
                "several hosts, each would serve pages it kept before an edit made "
                "on another, and count request limits on its own.",
                hint="With more than one web host, set CACHE_URL, e.g. "
                "redis://cache.internal:6379/0.",
                id="wiki.W002",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def check_base_url(app_configs, **kwargs):
    """Canonical links, the sitemap, share cards and feeds name the wiki by its base
    URL; left at the development default, they send search engines to 127.0.0.1."""
    if not os.environ.get("WIKI_BASE_URL"):
        return [
            checks.Warning(
                "WIKI_BASE_URL is not set, so canonical links, the sitemap, share "
                "cards and feeds name the wiki at " + settings.WIKI_BASE_URL + ".",
                hint="Set WIKI_BASE_URL to the address readers use, e.g. "
                "https://wiki.example.org.",
                id="wiki.W004",
            )
        ]
    return []
