"""Uploaded images: a file is a name with versions; pages embed it by name."""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse

from .pages import Page

NAME_MAX_LENGTH = 200
THUMBNAIL_WIDTHS = (180, 320, 640)
# Stored names are random and never reused: whatever is served under one may be kept
# for good, by browsers and any cache between.
CACHE_FOREVER = "public, max-age=31536000, immutable"
CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
}


def stored_name(instance, filename):
    """Where a version's image is kept: a random name, never one a user chose."""
    return f"files/{uuid.uuid4().hex}.{instance.extension}"


@dataclass(frozen=True)
class Rendition:
    """One stored size of an image: where it is served, and how large it is."""

    url: str
    width: int
    height: int


class FileQuerySet(models.QuerySet):
    def uploaded(self):
        """Files with a version to show (every file has one once its upload ends)."""
        return self.filter(current_version__isnull=False)

    def current_versions(self, names):
        """Map each uploaded file of `names` to its current version, in one query."""
        if not names:
            return {}
        files = self.uploaded().filter(name__in=set(names))
        return {
            f.name: f.current_version for f in files.select_related("current_version")
        }


class File(models.Model):
    name = models.CharField(
        max_length=NAME_MAX_LENGTH,
        unique=True,
        help_text="With its extension: Poster.jpg.",
    )
    description = models.TextField(blank=True)
    licence = models.CharField(
        max_length=300,
        blank=True,
        help_text="Who may use it, and how (e.g. CC BY-SA 4.0).",
    )
    current_version = models.OneToOneField(
        "FileVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = FileQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("wiki:file", kwargs={"name": self.name})


class FileVersion(models.Model):
    """One upload of a file: the image as stored (metadata stripped), its thumbnails."""

    file = models.ForeignKey(File, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    image = models.FileField(upload_to=stored_name)
    extension = models.CharField(max_length=4, choices=[(e, e) for e in CONTENT_TYPES])
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField(help_text="Bytes, as stored.")
    thumbnail_widths = models.JSONField(
        default=list, help_text="The widths at which a thumbnail was made."
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="uploads",
    )
    comment = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["file", "number"], name="file_version_number"
            ),
        ]

    def __str__(self):
        return f"{self.file} (version {self.number})"

    @property
    def content_type(self):
        return CONTENT_TYPES[self.extension]

    def thumbnail_name(self, width):
        stem = self.image.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        return f"thumbs/{stem}/{width}.{self.extension}"

    def rendition(self, width):
        """The narrowest stored rendition at least `width` wide (else the original)."""
        fitting = [w for w in sorted(self.thumbnail_widths) if w >= width]
        if not fitting:
            return Rendition(self.image.url, self.width, self.height)
        chosen = fitting[0]
        height = max(1, round(self.height * chosen / self.width))
        url = default_storage.url(self.thumbnail_name(chosen))
        return Rendition(url, chosen, height)


class FileUsage(models.Model):
    """A page whose current text embeds a file by name (perhaps not uploaded yet)."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="file_usages")
    file_name = models.CharField(max_length=NAME_MAX_LENGTH, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "file_name"], name="file_usage_once"
            ),
        ]

    def __str__(self):
        return f"{self.page} uses {self.file_name}"
