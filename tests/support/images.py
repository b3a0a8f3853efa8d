"""Image files made on the spot for the upload tests."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825


def image_bytes(fmt="JPEG", size=(800, 600), color=(200, 40, 40), gps=False, frames=1):
    image = Image.new("RGB", size, color)
    output = io.BytesIO()
    options = {}
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "Camera maker"
        exif.get_ifd(GPS_IFD).update(
            {1: "N", 2: (37.0, 33.0, 0.0), 3: "E", 4: (126.0, 58.0, 0.0)}
        )
        options["exif"] = exif.tobytes()
    if frames > 1:
        others = [Image.new("RGB", size, (n * 40, 0, 0)) for n in range(1, frames)]
        options.update(save_all=True, append_images=others, duration=100, loop=0)
    image.save(output, format=fmt, **options)
    return output.getvalue()


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_claiming_size(width, height):
    """A tiny PNG whose header claims a huge size, as a decompression bomb's does."""
    data = bytearray(image_bytes("PNG", size=(1, 1)))
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 17])) & 0xFFFFFFFF
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b'<rect width="10" height="10"/></svg>'
)
