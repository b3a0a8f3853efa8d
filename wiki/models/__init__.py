from .files import File, FileUsage, FileVersion
from .pages import SLUG_MAX_LENGTH, Link, Page, Revision, SearchDocument, slug_for_title

__all__ = [
    "SLUG_MAX_LENGTH",
    "File",
    "FileUsage",
    "FileVersion",
    "Link",
    "Page",
    "Revision",
    "SearchDocument",
    "slug_for_title",
]
