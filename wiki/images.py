"""Checking uploaded images by decoding them, and re-encoding them without metadata.

Nothing here trusts a file's name or declared type: an upload is an image only if Pillow
decodes it fully as JPEG, PNG, GIF or WebP within the size and pixel limits.
"""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # all frames together; far beyond any poster or still
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
NAME_EXTENSIONS = {
    "jpg": "jpg",
    "jpeg": "jpg",
    "png": "png",
    "gif": "gif",
    "webp": "webp",
}
# What an encoder may keep from the decoded image: drawing facts, never metadata.
KEPT_INFO = {"transparency", "duration", "loop", "background"}
TOO_MANY_PIXELS = _("The image has too many pixels to be decoded safely.")
DAMAGED = _("The image is damaged or truncated and cannot be decoded.")


@dataclass(frozen=True)
class CleanImage:
    """An image re-encoded from its decoded pixels: no EXIF, no GPS, no comments."""

    content: bytes
    extension: str
    width: int
    height: int


def _refuse(message, code):
    raise ValidationError(message, code=code)


def _open(upload):
    if upload.size == 0:
        _refuse(_("The file is empty."), "empty")
    if upload.size > MAX_UPLOAD_BYTES:
        _refuse(_("The file is over the 10 MB limit."), "too_large")
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
    except UnidentifiedImageError:
        _refuse(
            _("This is not a JPEG, PNG, GIF or WebP image (SVG is not accepted)."),
            "not_an_image",
        )
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _refuse(TOO_MANY_PIXELS, "too_many_pixels")
    except (OSError, SyntaxError, ValueError):
        _refuse(DAMAGED, "damaged")
    if image.format not in EXTENSIONS:
        _refuse(
            f"{image.format} images are not accepted: use JPEG, PNG, GIF or WebP.",
            "format",
        )
    frames = getattr(image, "n_frames", 1)
    if image.width * image.height * frames > MAX_PIXELS:
        _refuse(TOO_MANY_PIXELS, "too_many_pixels")
    return image


def _decoded_frames(image):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombWarning) as error:
        raise ValidationError(DAMAGED, code="damaged") from error
    for frame in frames:
        frame.info = {
            key: value for key, value in frame.info.items() if key in KEPT_INFO
        }
    return frames


def clean_image(upload):
    """Decode `upload` fully and re-encode it without metadata, or refuse it."""
    image = _open(upload)
    extension = EXTENSIONS[image.format]
    frames = _decoded_frames(image)
    first = ImageOps.exif_transpose(frames[0])
    output = io.BytesIO()
    if len(frames) > 1:
        first.save(
            output,
            format=image.format,
            save_all=True,
            append_images=frames[1:],
            duration=image.info.get("duration", 100),
            loop=image.info.get("loop", 0),
        )
    else:
        if image.format == "JPEG" and first.mode not in ("RGB", "L", "CMYK"):
            first = first.convert("RGB")
        first.save(output, format=image.format, quality=92)
    return CleanImage(output.getvalue(), extension, first.width, first.height)


def thumbnail(content, width):
    """A still rendition of the image `width` pixels wide (first frame if animated)."""
    image = Image.open(io.BytesIO(content))
    image.seek(0)
    frame = image.convert("RGBA") if image.mode in ("P", "LA") else image.copy()
    height = max(1, round(image.height * width / image.width))
    frame = frame.resize((width, height), Image.Resampling.LANCZOS)
    if image.format == "JPEG" and frame.mode != "RGB":
        frame = frame.convert("RGB")
    output = io.BytesIO()
    frame.save(output, format=image.format, quality=85)
    return output.getvalue()
