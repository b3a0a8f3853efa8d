"""Uploads on an S3-compatible object store (a real SeaweedFS), as several hosts use."""

import io
import urllib.request

import pytest
from PIL import Image

from tests.builders import create_page
from tests.html import parse_html
from wiki.models import File, FileVersion
from wiki.settings.base import media_s3_options

from .images import image_bytes, upload

UPLOAD = "/files/upload/"


@pytest.fixture
def media_on_store(settings, object_store):
    """The site's storage settings, as MEDIA_S3_* in the environment make them."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "wiki.storage.MediaStorage",
            "OPTIONS": media_s3_options(object_store.environ()),
        },
    }
    return object_store


@pytest.fixture
def uploader(client, user, media_on_store):
    client.force_login(user)
    return client


def post_upload(client, content, name="Poster.jpg"):
    return client.post(UPLOAD, {"file": upload(name, content), "name": name})


def fetch(url):
    """What a reader's browser gets from the store: no credentials."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers, response.read()


def test_an_upload_and_its_thumbnails_go_to_the_store_not_the_disk(
    uploader, media_on_store, settings
):
    before = media_on_store.keys()
    assert post_upload(uploader, image_bytes(size=(800, 600))).status_code == 302
    version = FileVersion.objects.get()
    added = media_on_store.keys() - before
    expected = {version.image.name} | {
        version.thumbnail_name(width) for width in version.thumbnail_widths
    }
    assert added == expected and len(expected) == 4
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.rglob("*.*"))


def test_images_are_served_by_the_store_publicly_typed_and_cached_for_good(
    uploader, media_on_store
):
    post_upload(uploader, image_bytes(size=(800, 600), gps=True))
    version = FileVersion.objects.get()
    public = media_on_store.environ()["MEDIA_PUBLIC_URL"]
    for url in (version.image.url, version.rendition(320).url):
        assert url.startswith(public) and "Signature" not in url
        status, headers, body = fetch(url)
        assert status == 200
        assert headers["Content-Type"] == "image/jpeg"
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        image = Image.open(io.BytesIO(body))
        assert image.format == "JPEG" and not image.getexif()


def test_a_page_embeds_the_thumbnail_from_the_store(uploader, user, media_on_store):
    post_upload(uploader, image_bytes(size=(1200, 800)), name="Balloon.jpg")
    create_page(title="Prison", body="[[File:Balloon.jpg|thumb|The balloon]]")
    image = parse_html(uploader.get("/wiki/prison/").text).select_one("#content img")
    assert image["src"] == FileVersion.objects.get().rendition(320).url
    assert fetch(image["src"])[0] == 200


def test_a_refused_upload_stores_nothing(uploader, media_on_store):
    before = media_on_store.keys()
    response = post_upload(uploader, b"not an image at all")
    assert response.status_code == 400
    assert media_on_store.keys() == before and not File.objects.exists()


def test_an_upload_that_fails_to_save_leaves_no_object_behind(
    uploader, media_on_store, monkeypatch
):
    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    before = media_on_store.keys()
    monkeypatch.setattr(FileVersion, "save", fail)
    with pytest.raises(RuntimeError):
        post_upload(uploader, image_bytes(size=(800, 600)))
    assert media_on_store.keys() == before


def test_every_version_stays_viewable(uploader, media_on_store):
    post_upload(uploader, image_bytes(color=(200, 0, 0)))
    post_upload(uploader, image_bytes(color=(0, 0, 200)))
    versions = FileVersion.objects.order_by("number")
    assert [v.number for v in versions] == [1, 2]
    bodies = {fetch(version.image.url)[2] for version in versions}
    assert len(bodies) == 2
