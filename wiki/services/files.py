"""Writes of uploaded images: a new file, or a new version of one."""

import logging
from contextlib import contextmanager

from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from ..images import thumbnail
from ..jobs import job
from ..models import File, FileVersion, LogKind
from ..models.files import THUMBNAIL_WIDTHS
from .log import log_event
from .publishing import rerender_pages_using_file

logger = logging.getLogger("wiki.files")

# What a file store that is down, slow or full raises: the object store's client
# errors, or the local disk's.
STORE_ERRORS = (BotoCoreError, ClientError, OSError)


class ImageStoreUnavailable(Exception):
    """The image store did not take the upload; nothing was saved."""


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
    and its transaction has rolled back, nothing may be left in the store that no row
    names. Once one deletion fails, the store is not answering: the rest are left to
    a background job, retried until it answers, so that the uploader waits no more.
    A store that failed is ImageStoreUnavailable.
    """
    try:
        yield
    except BaseException as error:
        for position, name in enumerate(names):
            try:
                default_storage.delete(name)
            except STORE_ERRORS:
                logger.warning("The image store did not delete %s; a job will.", name)
                delete_stored_files.enqueue(names[position:])
                break
        if isinstance(error, STORE_ERRORS):
            raise ImageStoreUnavailable(str(error)) from error
        raise


@job(retries=10)
def delete_stored_files(names):
    """Delete files an upload stored before it failed; no row names them."""
    for name in names:
        default_storage.delete(name)


def file_upload(*, name, image, author, description="", licence="", comment=""):
    """Store a checked image under `name`: a new file, or a new version of it.

    `image` is a CleanImage (see wiki.images). Thumbnails are made once, here, at the
    fixed widths narrower than the image; pages that embed the file are re-rendered.
    If the store fails, nothing is saved and nothing stays in it
    (ImageStoreUnavailable).
    """
    stored = []
    with _files_removed_on_failure(stored):
        return _file_upload(
            stored=stored,
            name=name,
            image=image,
            author=author,
            description=description,
            licence=licence,
            comment=comment,
        )


@transaction.atomic
def _file_upload(*, stored, name, image, author, description, licence, comment):
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
    version.image.save(
        f"upload.{image.extension}", ContentFile(image.content), save=False
    )
    stored.append(version.image.name)
    for width in version.thumbnail_widths:
        # Named before it is sent: a store that took it but lost the answer has it.
        stored.append(version.thumbnail_name(width))
        _store_rendition(stored[-1], thumbnail(image.content, width))
    version.save()
    file.current_version = version
    file.save()
    log_event(
        kind=LogKind.UPLOAD,
        actor=author,
        target=name,
        target_url=file.get_absolute_url(),
        comment=f"version {version.number}",
    )
    rerender_pages_using_file.enqueue(name)
    return version
