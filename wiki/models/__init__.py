from ..namespaces import Namespace
from .blocks import Block
from .files import File, FileUsage, FileVersion
from .log import LogEntry, LogKind
from .pages import (
    SLUG_MAX_LENGTH,
    Link,
    Page,
    PageCategory,
    ProtectionLevel,
    Revision,
    SearchDocument,
)
from .watching import (
    EmailFrequency,
    Notification,
    NotificationReason,
    Preferences,
    Watch,
)

__all__ = [
    "Block",
    "SLUG_MAX_LENGTH",
    "EmailFrequency",
    "File",
    "FileUsage",
    "FileVersion",
    "Link",
    "LogEntry",
    "LogKind",
    "Namespace",
    "Notification",
    "NotificationReason",
    "Page",
    "PageCategory",
    "Preferences",
    "ProtectionLevel",
    "Revision",
    "SearchDocument",
    "Watch",
]
