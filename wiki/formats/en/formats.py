"""English dates as British English writes them, as the site did before it spoke other
languages: "1 December 2026, 14:05" in prose, "1 Dec 2026, 14:05" in tables."""

from django.conf.locale.en_GB.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
