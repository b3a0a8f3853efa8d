"""Uploads on an S3-compatible object store (a real SeaweedFS), as several hosts use."""

import io
import time
import urllib.request
from urllib.parse import urlsplit

import pytest
from PIL import Image

from tests.support.builders import create_page
from tests.support.html import parse_html
from tests.support.images import image_bytes, upload
from tests.support.tcp_proxy import TcpProxy
from wiki.models import File, FileVersion
from wiki.settings.base import media_s3_options

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


@pytest.fixture
def proxy(object_store):
    proxy = TcpProxy(urlsplit(object_store.endpoint).port)
    yield proxy
    proxy.close()


@pytest.fixture
def uploader_through(client, user, settings, object_store, proxy):
    """An uploader whose site reaches the store through `proxy`, with short timeouts."""
    environ = {
        **object_store.environ(),
        "MEDIA_S3_ENDPOINT_URL": f"http://127.0.0.1:{proxy.port}",
        "MEDIA_S3_READ_TIMEOUT": "1",
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "wiki.storage.MediaStorage",
            "OPTIONS": media_s3_options(environ),
        },
    }
    client.force_login(user)
    return client


def refused_in_words(response):
    assert response.status_code == 503 and response["Retry-After"]
    alert = parse_html(response.text).select_one("#messages .alert")
    assert "The image store did not answer; nothing was saved" in alert.text


def test_a_stopped_store_is_a_503_in_words_and_saves_nothing(
    uploader_through, proxy, object_store
):
    before = object_store.keys()
    proxy.cut_at(b"PUT /", 0)
    refused_in_words(post_upload(uploader_through, image_bytes(size=(800, 600))))
    assert not File.objects.exists() and object_store.keys() == before


def test_a_store_that_never_answers_costs_an_upload_seconds(
    uploader_through, proxy, object_store
):
    proxy.hang()
    started = time.monotonic()
    refused_in_words(post_upload(uploader_through, image_bytes(size=(800, 600))))
    assert time.monotonic() - started < 10  # 2 tries of a 1 s read, not 30 s
    assert not File.objects.exists()


def test_a_store_lost_after_two_of_four_objects_keeps_none_of_them(
    uploader_through, proxy, object_store, run_jobs
):
    before = object_store.keys()
    proxy.cut_at(b"PUT /", 2)
    refused_in_words(post_upload(uploader_through, image_bytes(size=(800, 600))))
    assert not File.objects.exists()
    assert len(object_store.keys() - before) == 2  # the store is still cut off
    proxy.mend()
    run_jobs()
    assert object_store.keys() == before
