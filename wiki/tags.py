"""Change tags: what a revision did, read off its text by the write path, so that
patrollers can pick out blankings, page replacements and link spam at a glance.

The names are MediaWiki's where it has one (`mw-blank`, `mw-replace`, …), so that an
imported or exported history keeps its tags. Edit filters add tags of their own
names (wiki/filters.py).
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import EditFilter
from .redirects import redirect_target

# A change that takes away at least this much is a large removal.
LARGE_REMOVAL_BYTES = 2000
# A change that keeps less than this share of a text replaced it.
REPLACED_SHARE = 0.1
# A text this short is not "replaced" by a rewrite: it was a stub.
REPLACED_MIN_BYTES = 200

EXTERNAL_LINK = re.compile(r"\bhttps?://[^\s<>()\[\]\"'|]+", re.IGNORECASE)


class Tag(models.TextChoices):
    NEW_PAGE = "new-page", _("new page")
    BLANK = "mw-blank", _("blanking")
    REPLACE = "mw-replace", _("replaced")
    NEW_REDIRECT = "mw-new-redirect", _("new redirect")
    UNDO = "mw-undo", _("undo")
    REVERT = "mw-manual-revert", _("revert")
    ROLLBACK = "mw-rollback", _("rollback")
    LARGE_REMOVAL = "large-removal", _("large removal")
    NEW_USER_LINKS = "new-user-links", _("links by a new user")


def tag_label(name):
    """A tag's words: the built-in tags' own, a filter's tag as it is named."""
    return Tag(name).label if name in Tag.values else name.replace("-", " ")


def tag_choices():
    """Every tag a revision may carry, as (name, words): the built-in ones, then
    those the edit filters give."""

    filter_tags = (
        EditFilter.objects.exclude(tag="")
        .order_by("tag")
        .values_list("tag", flat=True)
        .distinct()
    )
    return [*Tag.choices, *((name, tag_label(name)) for name in filter_tags)]


def external_links(text):
    """The distinct external addresses a text links to (bare or in Markdown)."""
    return {match.rstrip(".,;:!?") for match in EXTERNAL_LINK.findall(text)}


def links_added(old_text, new_text):
    """How many external addresses `new_text` links to that `old_text` did not."""
    return len(external_links(new_text) - external_links(old_text))


def _size(text):
    return len(text.encode("utf-8"))


def automatic_tags(*, old_text, new_text, is_new, by_new_user):
    """The tags a change from `old_text` to `new_text` earns by what it did."""
    tags = set()
    old_size, new_size = _size(old_text), _size(new_text)
    if is_new:
        tags.add(Tag.NEW_PAGE)
    if redirect_target(new_text) and (is_new or not redirect_target(old_text)):
        tags.add(Tag.NEW_REDIRECT)
    if old_size and not new_text.strip():
        tags.add(Tag.BLANK)
    elif old_size >= REPLACED_MIN_BYTES and new_size < old_size * REPLACED_SHARE:
        tags.add(Tag.REPLACE)
    elif old_size - new_size >= LARGE_REMOVAL_BYTES:
        tags.add(Tag.LARGE_REMOVAL)
    if by_new_user and links_added(old_text, new_text):
        tags.add(Tag.NEW_USER_LINKS)
    return tags
