from ..namespaces import Namespace
from .blocks import Block
from .challenges import ChallengeQuestion
from .files import File, FileUsage, FileVersion
from .filters import EditFilter, FilterField, FilterHit
from .log import LogEntry, LogKind
from .pages import (
    SLUG_MAX_LENGTH,
    Link,
    Page,
    PageCategory,
    ProtectionLevel,
    Revision,
    RevisionTag,
    SearchDocument,
    TranslationGroup,
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
    "ChallengeQuestion",
    "EditFilter",
    "FilterField",
    "FilterHit",
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
    "RevisionTag",
    "SearchDocument",
    "TranslationGroup",
    "Watch",
]
