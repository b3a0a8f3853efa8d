"""Writes of pages: save (create, edit, merge), revert, rename or protect, delete.

Each is one transaction made of the steps in revisions.py; what a text makes of a
page is kept by the one render pipeline, publishing.py.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..extensions import refusal
from ..jobs import job
from ..merging import three_way_merge
from ..models import LogKind, Page, Revision
from ..namespaces import subject_slug, talk_slug
from ..tags import Tag
from .log import log_event
from .publishing import pages_changed, pages_publish, rerender_pages_linking_to
from .revisions import (
    locked_page,
    page_bring_back,
    page_create,
    page_remove,
    revision_create,
    translation_catch_up,
)


class EditConflict(Exception):
    """Someone saved the page since the editor's base revision, on the same lines."""

    def __init__(self, current):
        super().__init__(
            _("The page changed since; it is now at %(current)s.")
            % {"current": current}
        )
        self.current = current


@dataclass(frozen=True)
class SaveResult:
    """What a save did: the new revision (None when the text did not change)."""

    revision: Revision | None
    created: bool = False
    merged: bool = False

    @property
    def changed(self):
        return self.revision is not None


def _merge_with_current(page, base_revision_id, body):
    """Return `body` rebased on the page's current text, or raise EditConflict."""
    current = page.current_revision
    if base_revision_id == current.pk:
        return body
    base = (
        page.revisions.filter(pk=base_revision_id).first() if base_revision_id else None
    )
    if base is None:
        raise EditConflict(current)
    merged = three_way_merge(base.body, current.body, body)
    if merged is None:
        raise EditConflict(current)
    return merged


def page_save(
    *,
    slug,
    title,
    body,
    author,
    summary="",
    base_revision_id=None,
    minor=False,
    tags=(),
    caught_up=False,
):
    """Save an edit made on top of `base_revision_id` (None: the editor saw no page),
    marked `minor` or not, tagged with `tags` besides what it did. A translation
    `caught_up` now matches its source's current text.

    A missing page is created. An edit whose base is no longer current is merged when
    the two edits touch different lines; otherwise, and when two people create the
    same page at once, EditConflict tells the later one.
    """
    try:
        with transaction.atomic():
            page = locked_page(slug)
            if page is None:
                revision = page_create(
                    slug=slug,
                    title=title,
                    body=body,
                    author=author,
                    summary=summary,
                    tags=tags,
                )
                return SaveResult(revision, created=True)
            if caught_up and page.translated_from_id:
                translation_catch_up(page)
            merged_body = _merge_with_current(page, base_revision_id, body)
            if merged_body == page.current_revision.body:
                return SaveResult(None)
            revision = revision_create(
                page=page,
                body=merged_body,
                author=author,
                summary=summary,
                minor=minor,
                tags=tags,
            )
            return SaveResult(revision, merged=base_revision_id != revision.previous_id)
    except IntegrityError as error:
        # Another save won the race for the same slug or the same next revision.
        current = Page.objects.with_current_revision().get(slug=slug).current_revision
        raise EditConflict(current) from error


def revision_revert(*, revision, author):
    """Make an old revision's text current again, as a new revision that says so."""
    page = Page.objects.get(pk=revision.page_id)  # afresh: revert onto today's text
    return page_save(
        slug=page.slug,
        title=page.title,
        body=revision.body,
        author=author,
        summary=f"Reverted to revision {revision.number}",
        base_revision_id=page.current_revision_id,
        tags={Tag.REVERT},
    )


@transaction.atomic
def page_update(*, page, title, actor=None):
    """Retitle a page; its address stays."""
    locked = locked_page(page.slug)
    locked.title = title
    locked.save(update_fields=["title", "updated_at"])
    # The title sorts the page in its categories and finds it in search.
    pages_publish([locked] if locked.current_revision else [])
    return locked


def _protection_said(page):
    """The log's words for a page's protection: `edit: staff only; move: …`."""
    parts = [
        f"{action}: {page.protection(action).label}"
        for action in ("edit", "move")
        if page.protection(action)
    ]
    if page.protection_expires_at:
        parts.append(f"until {page.protection_expires_at:%Y-%m-%d %H:%M} UTC")
    if page.protection_reason:
        parts.append(page.protection_reason)
    return "; ".join(parts)


@transaction.atomic
def page_protect(*, page, edit, move, expires_at=None, reason="", actor=None):
    """Protect a page against edits and moves below the levels given, until
    `expires_at` (None: until lifted), logged; both levels none lift it.

    The protection lifts itself when it expires (Page.protection reads the expiry);
    a job then renews the page cache, so readers stop seeing the notice.
    """
    locked = locked_page(page.slug)
    protects = bool(edit or move)
    locked.edit_protection, locked.move_protection = edit, move
    locked.protection_expires_at = expires_at if protects else None
    locked.protection_reason = reason if protects else ""
    locked.save(
        update_fields=[
            "edit_protection",
            "move_protection",
            "protection_expires_at",
            "protection_reason",
            "updated_at",
        ]
    )
    log_event(
        kind=LogKind.PROTECT if protects else LogKind.UNPROTECT,
        actor=actor,
        target=locked.title,
        target_url=locked.get_absolute_url(),
        comment=_protection_said(locked) if protects else reason,
    )
    pages_changed(locked.slug)
    if protects and expires_at is not None:
        protection_lifted.using(run_after=expires_at).enqueue(locked.slug)
    return locked


@job()
def protection_lifted(slug):
    """A page's protection expired: show readers the page without its notice."""
    pages_changed(slug)


class Refused(Exception):
    """The write may not be done to this page; the message says why."""


class DeletionRefused(Refused):
    """The page may not be deleted, or restored; the message says why."""


@transaction.atomic
def page_delete(*, page, actor=None, reason=""):
    """Delete a page and its talk page, history kept; links to it turn red.

    An app's extension may refuse (WikiExtension.refusal): DeletionRefused says why.
    """
    locked = locked_page(page.slug)
    refused = refusal(locked, "delete")
    if refused:
        raise DeletionRefused(refused)
    log_event(
        kind=LogKind.DELETE,
        actor=actor,
        target=locked.title,
        target_url=locked.get_absolute_url(),
        comment=reason,
    )
    slug, when, is_talk = locked.slug, timezone.now(), locked.is_talk
    page_remove(locked, actor=actor, reason=reason, when=when)
    if is_talk:
        Page.objects.filter(slug=subject_slug(slug)).update(talk_topics=0)
    else:
        talk_page = locked_page(talk_slug(slug))
        if talk_page is not None:
            page_remove(talk_page, actor=actor, reason=reason, when=when)
    rerender_pages_linking_to.enqueue(slug)


@transaction.atomic
def page_restore(*, page, actor=None):
    """Bring a deleted page back at its address, with its whole history (and its
    talk page, deleted with it). Refused while another page holds the address."""
    page = Page.objects.select_for_update().get(pk=page.pk)
    slug = page.deleted_slug
    if (
        page.is_talk
        and not Page.objects.live().filter(slug=subject_slug(slug)).exists()
    ):
        raise DeletionRefused(_("Restore the page this talk page belongs to first."))
    if Page.objects.filter(slug=slug).exists():
        raise DeletionRefused(
            _(
                "Another page was created at /wiki/%(slug)s/ since; move or delete "
                "it first."
            )
            % {"slug": slug}
        )
    talk_page = (
        Page.objects.deleted()
        .filter(deleted_slug=talk_slug(slug), deleted_at=page.deleted_at)
        .first()
    )
    for restored in (page, talk_page) if talk_page else (page,):
        if Page.objects.filter(slug=restored.deleted_slug).exists():
            continue  # a talk page started meanwhile keeps its place
        page_bring_back(restored)
    log_event(
        kind=LogKind.RESTORE,
        actor=actor,
        target=page.title,
        target_url=page.get_absolute_url(),
    )
    rerender_pages_linking_to.enqueue(slug)
    return page
