"""The one write path of the wiki: every change to a page or a file comes here.

Services are keyword-only, run in one transaction, and return what they did; views
only translate that into a response.
"""

from .blocking import block_create, block_lift
from .files import ImageStoreUnavailable, file_upload
from .filtering import edit_filtered, honeypot_caught
from .mass_removal import contributions_remove, removal_planned
from .moving import MoveRefused, page_move, pages_linking_to
from .notifying import notifications_mark_read
from .pages import (
    DeletionRefused,
    EditConflict,
    SaveResult,
    page_delete,
    page_protect,
    page_restore,
    page_save,
    page_update,
    revision_revert,
)
from .patrolling import revision_patrol
from .publishing import rerender_pages
from .rollback import RollbackRefused, page_rollback
from .talk import NoSuchTopic, talk_reply_add, talk_topic_add
from .translating import TranslationRefused, page_translate
from .watching import page_unwatch, page_watch

__all__ = [
    "DeletionRefused",
    "EditConflict",
    "ImageStoreUnavailable",
    "MoveRefused",
    "NoSuchTopic",
    "RollbackRefused",
    "SaveResult",
    "TranslationRefused",
    "block_create",
    "block_lift",
    "contributions_remove",
    "edit_filtered",
    "file_upload",
    "honeypot_caught",
    "notifications_mark_read",
    "page_delete",
    "page_move",
    "page_protect",
    "page_restore",
    "page_rollback",
    "page_save",
    "page_translate",
    "page_unwatch",
    "page_update",
    "page_watch",
    "pages_linking_to",
    "removal_planned",
    "rerender_pages",
    "revision_patrol",
    "revision_revert",
    "talk_reply_add",
    "talk_topic_add",
]
