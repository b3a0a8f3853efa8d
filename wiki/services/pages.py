"""Writes of pages: save (create, edit, merge), revert, rename or protect, delete.

A page's row is locked once, at the start of each write, so writers of one page queue
and each sees the text the one before it saved.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import markup, page_cache, talk
from ..categories import categories_of, category_links
from ..extensions import refusal
from ..jobs import job
from ..merging import three_way_merge
from ..models import (
    SLUG_MAX_LENGTH,
    LogKind,
    Page,
    PageCategory,
    Revision,
    SearchDocument,
    is_talk_slug,
)
from ..models.pages import DELETED_PREFIX, TALK_SUFFIX
from ..redirects import redirect_target
from ..search import index_page
from .log import log_event
from .notifying import notify_watchers
from .watching import watch_as_editor


class EditConflict(Exception):
    """Someone saved the page since the editor's base revision, on the same lines."""

    def __init__(self, current):
        super().__init__(f"The page changed since; it is now at {current}.")
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


def pages_changed(*slugs):
    """Let the page cache show the pages at `slugs`, and every list, afresh once the
    write commits."""
    page_cache.invalidate(page_cache.CHANGES, *map(page_cache.page_tag, slugs))


def _body_size(body):
    return len(body.encode("utf-8"))


def _replace_targets(related, field, wanted):
    """Make a page's rows in `related` (links, file usages) name exactly `wanted`."""
    related.exclude(**{f"{field}__in": wanted}).delete()
    known = set(related.values_list(field, flat=True))
    owner = {related.field.name: related.instance}
    related.model.objects.bulk_create(
        related.model(**owner, **{field: value}) for value in sorted(wanted - known)
    )


def rerender_pages(**lookup):
    """Re-render the current text of the live pages matching `lookup`.

    Their text is unchanged, but what it links to or embeds is not: a link turned blue
    or red, a file shows another image. Their categories are written in one go.
    """
    pages = list(Page.objects.live().with_current_revision().filter(**lookup))
    categories = []
    for page in pages:
        revision = page.current_revision
        rendered = markup.render(revision.body)
        named = categories_of(page, rendered.categories)
        categories += _category_rows(page, named)
        revision.html = rendered.html + category_links(named)
    Revision.objects.bulk_update([page.current_revision for page in pages], ["html"])
    PageCategory.objects.filter(page__in=pages).delete()
    PageCategory.objects.bulk_create(categories)
    pages_changed(*(page.slug for page in pages))


# Pages re-rendered per transaction: each batch holds the write lock only briefly.
RERENDER_BATCH = 200


def _rerender_in_batches(pages):
    ids = list(pages.values_list("pk", flat=True).order_by("pk"))
    for start in range(0, len(ids), RERENDER_BATCH):
        with transaction.atomic():
            rerender_pages(pk__in=ids[start : start + RERENDER_BATCH])
    return len(ids)


@job()
def rerender_pages_linking_to(slug):
    """Re-render the pages that link to `slug`: a page appeared or disappeared there."""
    return _rerender_in_batches(
        Page.objects.live().filter(outgoing_links__target_slug=slug)
    )


@job()
def rerender_pages_using_file(name):
    """Re-render the pages that embed the file `name`: it has a new version."""
    return _rerender_in_batches(Page.objects.live().filter(file_usages__file_name=name))


@job()
def rerender_pages_by_id(ids):
    """Re-render the pages with these ids (`manage.py rerender_pages`)."""
    return _rerender_in_batches(Page.objects.live().filter(pk__in=ids))


def _category_rows(page, categories):
    """The category rows of `page` for `categories` (slug: (name, sort key))."""
    return [
        PageCategory(
            page=page,
            category_slug=slug,
            category_name=name,
            sort_key=(sort_key or page.title)[:SLUG_MAX_LENGTH],
        )
        for slug, (name, sort_key) in categories.items()
    ]


def _replace_categories(page, categories):
    """Make the page's category rows exactly `categories` (slug: (name, sort key))."""
    page.categories.all().delete()
    PageCategory.objects.bulk_create(_category_rows(page, categories))


def _revision_create(*, page, body, author, summary):
    """Add a revision on top of the locked `page`'s current one and make it current.

    Two saves on top of the same revision both claim the next number and the same
    predecessor; the unique constraints let only the first of them in.
    """
    previous = page.current_revision
    rendered = markup.render(body)
    categories = categories_of(page, rendered.categories)
    revision = Revision.objects.create(
        page=page,
        number=previous.number + 1 if previous else 1,
        previous=previous,
        author=author,
        body=body,
        summary=summary,
        size=_body_size(body),
        size_change=_body_size(body) - (previous.size if previous else 0),
        html=rendered.html + category_links(categories),
    )
    page.current_revision = revision
    page.redirect_to = redirect_target(body)
    page.save(update_fields=["current_revision", "redirect_to", "updated_at"])
    _replace_targets(page.outgoing_links, "target_slug", rendered.link_slugs)
    _replace_targets(page.file_usages, "file_name", rendered.file_names)
    _replace_categories(page, categories)
    index_page(page, rendered.html)
    pages_changed(page.slug)
    if page.is_talk:
        topic_count = len(talk.topics(body))
        Page.objects.filter(slug=page.article_slug).update(talk_topics=topic_count)
    watch_as_editor(user=author, page=page)
    notify_watchers(revision=revision)
    return revision


def _page_create(*, slug, title, body, author, summary):
    """Create a page with its first revision; links to it elsewhere turn blue."""
    page = Page.objects.create(title=title, slug=slug)
    revision = _revision_create(page=page, body=body, author=author, summary=summary)
    rerender_pages_linking_to.enqueue(page.slug)
    return revision


def _locked_page(slug):
    """The page at `slug` with its current revision, its row locked; None if missing.

    The lock comes first and the read after it: on PostgreSQL a locking query that
    waited sees the page row as the writer before it left it, but not the revision
    that writer added, so the current revision is read by a statement of its own.
    (SQLite takes its write lock as the transaction begins.)
    """
    if not Page.objects.select_for_update().filter(slug=slug).exists():
        return None
    return Page.objects.with_current_revision().get(slug=slug)


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


def page_save(*, slug, title, body, author, summary="", base_revision_id=None):
    """Save an edit made on top of `base_revision_id` (None: the editor saw no page).

    A missing page is created. An edit whose base is no longer current is merged when
    the two edits touch different lines; otherwise, and when two people create the
    same page at once, EditConflict tells the later one.
    """
    try:
        with transaction.atomic():
            page = _locked_page(slug)
            if page is None:
                revision = _page_create(
                    slug=slug, title=title, body=body, author=author, summary=summary
                )
                return SaveResult(revision, created=True)
            merged_body = _merge_with_current(page, base_revision_id, body)
            if merged_body == page.current_revision.body:
                return SaveResult(None)
            revision = _revision_create(
                page=page, body=merged_body, author=author, summary=summary
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
    )


@transaction.atomic
def page_update(*, page, title, is_protected, actor=None):
    """Retitle a page (its address stays) or change who may edit it (logged)."""
    locked = _locked_page(page.slug)
    if locked.is_protected != is_protected:
        log_event(
            kind=LogKind.PROTECT if is_protected else LogKind.UNPROTECT,
            actor=actor,
            target=title,
            target_url=locked.get_absolute_url(),
        )
    locked.title = title
    locked.is_protected = is_protected
    locked.save(update_fields=["title", "is_protected", "updated_at"])
    pages_changed(locked.slug)
    if locked.current_revision:
        index_page(locked, locked.current_revision.html)
    return locked


class Refused(Exception):
    """The write may not be done to this page; the message says why."""


class DeletionRefused(Refused):
    """The page may not be deleted, or restored; the message says why."""


def _remove(page, *, actor, reason, when):
    """Take a page out of sight, keeping its history: its address is freed."""
    pages_changed(page.slug)
    page.deleted_slug, page.slug = page.slug, f"{DELETED_PREFIX}{page.pk}"
    page.deleted_at, page.deleted_by, page.deletion_reason = when, actor, reason
    page.save()
    page.outgoing_links.all().delete()
    page.file_usages.all().delete()
    page.categories.all().delete()
    SearchDocument.objects.filter(page=page).delete()


@transaction.atomic
def page_delete(*, page, actor=None, reason=""):
    """Delete a page and its talk page, history kept; links to it turn red.

    Apps may refuse (see WIKI_PAGE_GUARDS): DeletionRefused says why.
    """
    locked = _locked_page(page.slug)
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
    slug, when = locked.slug, timezone.now()
    _remove(locked, actor=actor, reason=reason, when=when)
    if is_talk_slug(slug):
        Page.objects.filter(slug=slug.removesuffix(TALK_SUFFIX)).update(talk_topics=0)
    else:
        talk_page = _locked_page(slug + TALK_SUFFIX)
        if talk_page is not None:
            _remove(talk_page, actor=actor, reason=reason, when=when)
    rerender_pages_linking_to.enqueue(slug)


@transaction.atomic
def page_restore(*, page, actor=None):
    """Bring a deleted page back at its address, with its whole history (and its
    talk page, deleted with it). Refused while another page holds the address."""
    page = Page.objects.select_for_update().get(pk=page.pk)
    slug = page.deleted_slug
    article_slug = slug.removesuffix(TALK_SUFFIX)
    if (
        is_talk_slug(slug)
        and not Page.objects.live().filter(slug=article_slug).exists()
    ):
        raise DeletionRefused("Restore the page this talk page belongs to first.")
    if Page.objects.filter(slug=slug).exists():
        raise DeletionRefused(
            f"Another page was created at /wiki/{slug}/ since; move or delete it first."
        )
    talk_page = (
        Page.objects.deleted()
        .filter(deleted_slug=slug + TALK_SUFFIX, deleted_at=page.deleted_at)
        .first()
    )
    for restored in (page, talk_page) if talk_page else (page,):
        if Page.objects.filter(slug=restored.deleted_slug).exists():
            continue  # a talk page started meanwhile keeps its place
        restored.slug, restored.deleted_slug = restored.deleted_slug, ""
        pages_changed(restored.slug)
        restored.deleted_at = restored.deleted_by = None
        restored.deletion_reason = ""
        restored.save()
        current = Revision.objects.get(pk=restored.current_revision_id)
        rendered = markup.render(current.body)
        _replace_targets(restored.outgoing_links, "target_slug", rendered.link_slugs)
        _replace_targets(restored.file_usages, "file_name", rendered.file_names)
        _replace_categories(restored, categories_of(restored, rendered.categories))
        index_page(restored, rendered.html)
    log_event(
        kind=LogKind.RESTORE,
        actor=actor,
        target=page.title,
        target_url=page.get_absolute_url(),
    )
    rerender_pages_linking_to.enqueue(slug)
    return page
