from .files import File, FileUsage, FileVersion
from .pages import (
    SLUG_MAX_LENGTH,
    Link,
    Page,
    Revision,
    SearchDocument,
    is_talk_slug,
    slug_for_title,
    talk_title,
)
from .watching import EmailFrequency, Notification, Preferences, Watch

__all__ = [
    "SLUG_MAX_LENGTH",
    "EmailFrequency",
    "File",
    "FileUsage",
    "FileVersion",
    "Link",
    "Notification",
    "Page",
    "Preferences",
    "Revision",
    "SearchDocument",
    "Watch",
    "is_talk_slug",
    "slug_for_title",
    "talk_title",
]
