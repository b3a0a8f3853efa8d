"""Rollback: one POST takes back all the latest consecutive edits of a page's last
author, as one new revision that says whose edits it reverted (MediaWiki's rollback)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..models import Page
from ..tags import Tag
from .pages import Refused
from .revisions import locked_page, revision_create


class RollbackRefused(Refused):
    """Nothing to roll back: someone else edited last, or no one else ever did."""


@transaction.atomic
def page_rollback(*, page, username, actor):
    """Revert the latest consecutive revisions of `page` by `username` to the
    revision before them; return the new revision."""
    page = locked_page(page.slug)
    current = page.current_revision
    last_author = current.author.username if current.author else ""
    if last_author != username:
        if last_author:
            raise RollbackRefused(
                _("%(username)s is not the last to have edited this page; %(last)s is.")
                % {"username": username, "last": last_author}
            )
        raise RollbackRefused(
            _("%(username)s is not the last to have edited this page.")
            % {"username": username}
        )
    before = (
        page.revisions.exclude(author=current.author)
        .select_related("author")
        .order_by("-number")
        .first()
    )
    if before is None:
        raise RollbackRefused(
            _(
                "Every revision of this page is by %(username)s: there is nothing to "
                "go back to. Delete the page instead."
            )
            % {"username": username}
        )
    undone = page.revisions.filter(number__gt=before.number).count()
    by = before.author.username if before.author else "an unknown user"
    revision = revision_create(
        page=page,
        body=before.body,
        author=actor,
        summary=f"Reverted {undone} edit{'s' * (undone != 1)} by {username} "
        f"to the last revision by {by}",
        tags={Tag.ROLLBACK},
    )
    return Page.objects.get(pk=page.pk), revision
