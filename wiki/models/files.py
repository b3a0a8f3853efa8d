"""Uploaded images: a file is a name with versions; pages embed it by name."""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

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
        help_text=_("With its extension: Poster.jpg."),
        verbose_name=_("name"),
    )
    description = models.TextField(blank=True, verbose_name=_("description"))
    licence = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Who may use it, and how (e.g. CC BY-SA 4.0)."),
        verbose_name=_("licence"),
    )
    current_version = models.OneToOneField(
        "FileVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current version"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(
        auto_now=True, db_index=True, verbose_name=_("updated at")
    )

    objects = FileQuerySet.as_manager()

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["-updated_at", "-pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("wiki:file", kwargs={"name": self.name})


class FileVersion(models.Model):
    """One upload of a file: the image as stored (metadata stripped), its thumbnails."""

    file = models.ForeignKey(
        File, on_delete=models.CASCADE, related_name="versions", verbose_name=_("file")
    )
    number = models.PositiveIntegerField(verbose_name=_("number"))
    image = models.FileField(upload_to=stored_name, verbose_name=_("image"))
    extension = models.CharField(
        max_length=4,
        choices=[(e, e) for e in CONTENT_TYPES],
        verbose_name=_("extension"),
    )
    width = models.PositiveIntegerField(verbose_name=_("width"))
    height = models.PositiveIntegerField(verbose_name=_("height"))
    size = models.PositiveIntegerField(
        help_text=_("Bytes, as stored."), verbose_name=_("size")
    )
    thumbnail_widths = models.JSONField(
        default=list,
        help_text=_("The widths at which a thumbnail was made."),
        verbose_name=_("thumbnail widths"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="uploads",
        verbose_name=_("uploaded by"),
    )
    comment = models.CharField(max_length=300, blank=True, verbose_name=_("comment"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("file version")
        verbose_name_plural = _("file versions")
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

    page = models.ForeignKey(
        Page,
        on_delete=models.CASCADE,
        related_name="file_usages",
        verbose_name=_("page"),
    )
    file_name = models.CharField(
        max_length=NAME_MAX_LENGTH, db_index=True, verbose_name=_("file name")
    )

    class Meta:
        verbose_name = _("file usage")
        verbose_name_plural = _("file usages")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "file_name"], name="file_usage_once"
            ),
        ]

    def __str__(self):
        return f"{self.page} uses {self.file_name}"
