"""Uploaded images on an S3-compatible object store, when MEDIA_S3_BUCKET names one.

Several web hosts then share one store, and readers fetch images from it (or from a
CDN in front of it) without passing through the site. The URLs are public, not signed:
the images are the wiki's public content, and a signed URL expires while pages that
hold it are kept in the page cache and by browsers.
"""

from storages.backends.s3 import S3Storage

from .models.files import CACHE_FOREVER, CONTENT_TYPES


class MediaStorage(S3Storage):
    """Each object carries the headers the site sends for local files: its image type
    from the checked extension (never guessed), and leave to be kept for good."""

    def get_object_parameters(self, name):
        extension = name.rsplit(".", 1)[-1].lower()
        return {
            **super().get_object_parameters(name),
            "CacheControl": CACHE_FOREVER,
            "ContentType": CONTENT_TYPES[extension],
        }
