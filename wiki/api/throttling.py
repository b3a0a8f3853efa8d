"""The read API's request limit (its own module: DRF imports it while it starts)."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class SiteRateThrottle(AnonRateThrottle):
    """Counted per address in the shared cache, like the site's own limits, and off
    where they are off (RATELIMIT_ENABLE=0)."""

    scope = "api"

    def get_rate(self):
        return settings.WIKI_RATE_LIMITS["api"]

    def allow_request(self, request, view):
        return not settings.RATELIMIT_ENABLE or super().allow_request(request, view)
