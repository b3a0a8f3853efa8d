"""System checks of the wiki's own settings."""

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
    """Request limits count in the cache, which several workers must share."""
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        return [
            checks.Warning(
                "CACHE_URL is not set, so each worker process counts request limits "
                "on its own.",
                hint="Set CACHE_URL, e.g. redis://cache.internal:6379/0.",
                id="wiki.W002",
            )
        ]
    return []
