from .files import File, FileUsage, FileVersion
from .log import LogEntry, LogKind
from .pages import (
    SLUG_MAX_LENGTH,
    Link,
    Page,
    PageCategory,
    Revision,
    SearchDocument,
    category_slug_of_page,
    is_talk_slug,
    slug_for_title,
    talk_title,
    user_page_owner,
    user_page_slug,
)
from .watching import (
    EmailFrequency,
    Notification,
    NotificationReason,
    Preferences,
    Watch,
)

__all__ = [
    "SLUG_MAX_LENGTH",
    "EmailFrequency",
    "File",
    "FileUsage",
    "FileVersion",
    "Link",
    "LogEntry",
    "LogKind",
    "Notification",
    "NotificationReason",
    "Page",
    "PageCategory",
    "Preferences",
    "Revision",
    "SearchDocument",
    "Watch",
    "category_slug_of_page",
    "is_talk_slug",
    "slug_for_title",
    "talk_title",
    "user_page_owner",
    "user_page_slug",
]
