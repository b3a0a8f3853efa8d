"""The one write path for pages: every create, edit, revert and seed comes here."""

from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from . import markup
from .images import thumbnail
from .merging import three_way_merge
from .models import File, FileVersion, Page, Revision, slug_for_title
from .models.files import THUMBNAIL_WIDTHS
from .search import index_page


class EditConflict(Exception):
    """Someone saved the page since the editor's base revision, on the same lines."""

    def __init__(self, current):
        super().__init__(f"The page changed since; it is now at {current}.")
        self.current = current


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


def _rerender_pages(**lookup):
    """Re-render the current text of the pages matching `lookup`.

    Their text is unchanged, but what it links to or embeds is not: a link turned blue
    or red, a file shows another image.
    """
    revisions = [
        page.current_revision
        for page in Page.objects.with_current_revision().filter(
            current_revision__isnull=False, **lookup
        )
    ]
    for revision in revisions:
        revision.html = markup.render(revision.body).html
    Revision.objects.bulk_update(revisions, ["html"])


@transaction.atomic
def revision_create(*, page, body, author=None, summary=""):
    """Add a revision to `page` on top of its current one and make it current.

    Two saves on top of the same revision both claim the next number and the same
    predecessor; the unique constraints let only the first of them in.
    """
    previous = page.current_revision
    rendered = markup.render(body)
    revision = Revision.objects.create(
        page=page,
        number=previous.number + 1 if previous else 1,
        previous=previous,
        author=author,
        body=body,
        summary=summary,
        size=_body_size(body),
        size_change=_body_size(body) - (previous.size if previous else 0),
        html=rendered.html,
    )
    page.current_revision = revision
    page.save(update_fields=["current_revision", "updated_at"])
    _replace_targets(page.outgoing_links, "target_slug", rendered.link_slugs)
    _replace_targets(page.file_usages, "file_name", rendered.file_names)
    index_page(page, rendered.html)
    return revision


@transaction.atomic
def page_create(*, title, body, author=None, summary=""):
    """Create a page with its first revision; links to it elsewhere turn blue."""
    page = Page.objects.create(title=title, slug=slug_for_title(title))
    revision_create(page=page, body=body, author=author, summary=summary)
    _rerender_pages(outgoing_links__target_slug=page.slug)
    return page


def _current_revision(slug):
    return Page.objects.with_current_revision().get(slug=slug).current_revision


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

    Returns the new revision, or None when the text did not change. An edit whose
    base is no longer current is merged when the two edits touch different lines;
    otherwise, and when two people create the same page at once, EditConflict tells
    the later one.
    """
    try:
        with transaction.atomic():
            # Writers on one page queue here (a PostgreSQL row lock; SQLite takes its
            # write lock as the transaction begins): the merge sees the latest text.
            page = Page.objects.select_for_update().filter(slug=slug).first()
            if page is None:
                return page_create(
                    title=title, body=body, author=author, summary=summary
                ).current_revision
            page = Page.objects.with_current_revision().get(pk=page.pk)
            body = _merge_with_current(page, base_revision_id, body)
            if body == page.current_revision.body:
                return None
            return revision_create(page=page, body=body, author=author, summary=summary)
    except IntegrityError as error:
        # Another save won the race for the same slug or the same next revision.
        raise EditConflict(_current_revision(slug)) from error


def revision_revert(*, revision, author):
    """Make an old revision's text current again, as a new revision that says so."""
    # Read the page afresh: the revert applies on top of the text that is current now.
    page = Page.objects.get(pk=revision.page_id)
    return page_save(
        slug=page.slug,
        title=page.title,
        body=revision.body,
        author=author,
        summary=f"Reverted to revision {revision.number}",
        base_revision_id=page.current_revision_id,
    )


@transaction.atomic
def page_delete(page):
    """Delete a page and its history; links to it elsewhere turn red."""
    slug = page.slug
    page.delete()
    _rerender_pages(outgoing_links__target_slug=slug)


def _store_rendition(name, content):
    stored = default_storage.save(name, ContentFile(content))
    # Names are random per version; a clash means a bug, not bad luck.
    if stored != name:
        default_storage.delete(stored)
        raise RuntimeError(f"{name} was stored as {stored}.")
    return stored


@contextmanager
def _files_removed_on_failure(names):
    """Delete the files named in `names` (filled in by the block) if the block fails.

    Files are written before the rows that point to them are saved; when a save fails
    and the transaction rolls back, nothing may be left on disk that no row names.
    """
    try:
        yield
    except BaseException:
        for name in names:
            default_storage.delete(name)
        raise


@transaction.atomic
def file_upload(*, name, image, author, description="", licence="", comment=""):
    """Store a checked image under `name`: a new file, or a new version of it.

    `image` is a CleanImage (see wiki.images). Thumbnails are made once, here, at the
    fixed widths narrower than the image; pages that embed the file are re-rendered.
    """
    file, created = File.objects.select_for_update().get_or_create(
        name=name, defaults={"description": description, "licence": licence}
    )
    if not created:
        file.description = description or file.description
        file.licence = licence or file.licence
    previous = file.current_version
    version = FileVersion(
        file=file,
        number=previous.number + 1 if previous else 1,
        extension=image.extension,
        width=image.width,
        height=image.height,
        size=len(image.content),
        uploaded_by=author,
        comment=comment,
        thumbnail_widths=[w for w in THUMBNAIL_WIDTHS if w < image.width],
    )
    stored = []
    with _files_removed_on_failure(stored):
        version.image.save(
            f"upload.{image.extension}", ContentFile(image.content), save=False
        )
        stored.append(version.image.name)
        for width in version.thumbnail_widths:
            content = thumbnail(image.content, width)
            stored.append(_store_rendition(version.thumbnail_name(width), content))
        version.save()
        file.current_version = version
        file.save()
        _rerender_pages(file_usages__file_name=name)
    return version
