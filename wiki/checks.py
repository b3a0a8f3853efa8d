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
