"""Uploads: checked by decoding, metadata stripped, versions, thumbnails, serving."""

import io
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from PIL import Image

from tests.support.images import SVG, image_bytes, png_claiming_size, upload
from wiki.models import File, FileVersion
from wiki.services import page_save

UPLOAD = "/files/upload/"


@pytest.fixture
def uploader(client, user):
    client.force_login(user)
    return client


def post_upload(client, content, name="", filename="Poster.jpg", **extra):
    data = {"file": upload(filename, content), "name": name, "description": "", **extra}
    return client.post(UPLOAD, data)


def stored_files():
    root = settings.MEDIA_ROOT
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_upload_needs_a_login(client, db):
    assert client.get(UPLOAD).status_code == 302
    response = client.post(UPLOAD, {"file": upload("Poster.jpg", image_bytes())})
    assert response.status_code == 302 and not File.objects.exists()


def test_upload_form_fields(uploader):
    html = uploader.get(UPLOAD + "?name=Poster.jpg").text
    assert (
        'name="file"' in html and 'name="name"' in html and 'name="description"' in html
    )
    assert 'value="Poster.jpg"' in html


def test_upload_stores_the_image_under_its_own_name_by_default(uploader, user):
    response = post_upload(
        uploader, image_bytes(), description="The poster", licence="Fair use"
    )
    file = File.objects.get()
    assert response.status_code == 302 and response["Location"] == "/files/Poster.jpg/"
    assert (file.name, file.description, file.licence) == (
        "Poster.jpg",
        "The poster",
        "Fair use",
    )
    version = file.current_version
    assert (version.width, version.height, version.uploaded_by) == (800, 600, user)
    assert re.fullmatch(r"files/[0-9a-f]{32}\.jpg", version.image.name), (
        "never the user's name"
    )


def test_upload_under_an_existing_name_adds_a_version(uploader):
    post_upload(
        uploader,
        image_bytes("PNG", color=(255, 0, 0)),
        name="Cell.png",
        filename="a.png",
    )
    post_upload(
        uploader,
        image_bytes("PNG", color=(0, 0, 255)),
        name="Cell.png",
        filename="b.png",
    )
    file = File.objects.get(name="Cell.png")
    assert [v.number for v in file.versions.all()] == [2, 1]
    html = uploader.get(file.get_absolute_url()).text
    for version in file.versions.all():
        assert version.image.url in html
        assert uploader.get(version.image.url).status_code == 200, (
            "every version stays viewable"
        )


def test_png_content_under_a_jpg_name_is_refused(uploader):
    response = post_upload(uploader, image_bytes("PNG"), name="Poster.jpg")
    assert response.status_code == 400
    assert "does not fit" in response.text and not File.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"GIF89a not really", "not a JPEG, PNG, GIF or WebP"),
        (b"%PDF-1.7 a document", "not a JPEG, PNG, GIF or WebP"),
        (SVG, "SVG is not accepted"),
        (image_bytes()[:600], "damaged or truncated"),
        (png_claiming_size(50_000, 50_000), "too many pixels"),
        (image_bytes("BMP"), "BMP images are not accepted"),
    ],
    ids=["empty", "fake-gif", "pdf", "svg", "truncated", "bomb", "bmp"],
)
def test_bad_uploads_are_refused_with_a_message_and_store_nothing(
    uploader, content, message
):
    response = post_upload(uploader, content)
    assert response.status_code == 400
    assert message in response.text
    assert not File.objects.exists() and not FileVersion.objects.exists()
    assert stored_files() == []


def test_an_upload_that_fails_to_save_leaves_no_file_behind(uploader, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(FileVersion, "save", fail)
    with pytest.raises(RuntimeError):
        post_upload(uploader, image_bytes(size=(800, 600)))
    assert not File.objects.exists() and not FileVersion.objects.exists()
    assert stored_files() == []


def test_file_over_10_mb_is_refused(uploader):
    big = image_bytes() + b"\0" * (10 * 1024 * 1024)
    response = post_upload(uploader, big)
    assert response.status_code == 413
    assert "10 MB" in response.text and stored_files() == []


@pytest.mark.parametrize(
    "name",
    [
        "../evil.jpg",
        "a/b.jpg",
        "a\\b.jpg",
        "bad\x00.jpg",
        "tab\t.jpg",
        "noext",
        ".jpg",
        "x.exe",
        "..jpg",
        "x" * 300 + ".jpg",
    ],
)
def test_bad_names_are_refused_not_repaired(uploader, name):
    response = post_upload(uploader, image_bytes(), name=name)
    assert response.status_code == 400
    assert not File.objects.exists()


def test_exif_and_gps_are_stripped_from_the_image_and_thumbnails(uploader):
    original = image_bytes(size=(1000, 700), gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825), (
        "the test image has GPS"
    )
    post_upload(uploader, original)
    for path in stored_files():
        image = Image.open(path)
        assert not image.getexif(), path
        assert "exif" not in image.info, path


def test_thumbnails_are_made_once_at_fixed_widths_narrower_than_the_image(uploader):
    post_upload(uploader, image_bytes(size=(500, 250)), name="Wide.jpg")
    version = File.objects.get().current_version
    assert version.thumbnail_widths == [180, 320]
    for width in (180, 320):
        with Image.open(settings.MEDIA_ROOT / version.thumbnail_name(width)) as thumb:
            assert thumb.size == (width, width // 2)


def test_animated_gif_keeps_its_frames(uploader):
    post_upload(
        uploader,
        image_bytes("GIF", size=(50, 50), frames=3),
        name="Anim.gif",
        filename="a.gif",
    )
    version = File.objects.get().current_version
    with Image.open(settings.MEDIA_ROOT / version.image.name) as image:
        assert image.n_frames == 3


def test_webp_is_accepted(uploader):
    post_upload(uploader, image_bytes("WEBP"), name="Still.webp", filename="s.webp")
    assert File.objects.get().current_version.extension == "webp"


def test_media_is_served_typed_with_nosniff_and_long_caching(uploader, client):
    post_upload(uploader, image_bytes(size=(900, 600)))
    version = File.objects.get().current_version
    for url in (version.image.url, version.rendition(320).url):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "immutable" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    [
        "/media/../wiki/settings/base.py",
        "/media/files/../../db.sqlite3",
        "/media/x.jpg",
        "/media/files/nothing.jpg",
        "/media/files/%2e%2e/secret.jpg",
        "/media/other/a.jpg",
    ],
)
def test_media_outside_the_upload_folders_is_404(client, db, path):
    assert client.get(path).status_code == 404


def test_embedding_an_image_in_a_page(uploader, user):
    post_upload(uploader, image_bytes(size=(1200, 800)), name="Balloon.jpg")
    page_save(
        slug="prison",
        title="Prison",
        body="[[File:Balloon.jpg|thumb|The hot air balloon]]\n\n[[File:Balloon.jpg]]",
        author=user,
    )
    html = uploader.get("/wiki/prison/").text
    version = File.objects.get().current_version
    thumb_url = version.rendition(320).url
    assert f'src="{thumb_url}"' in html and 'width="320"' in html
    assert 'href="/files/Balloon.jpg/"' in html
    assert 'class="thumb-caption">The hot air balloon<' in html
    assert f'src="{version.rendition(640).url}"' in html, "inline images are 640 wide"
    assert version.image.url not in html, "never the large original"
    assert "/wiki/prison/" in uploader.get("/files/Balloon.jpg/").text, (
        "file page lists its pages"
    )


def test_missing_image_is_a_red_link_that_turns_into_the_image(
    uploader, user, run_jobs
):
    page_save(
        slug="cell", title="Cell", body="[[File:Later.png|thumb|Soon]]", author=user
    )
    html = uploader.get("/wiki/cell/").text
    assert 'class="wikilink wikilink-new" href="/files/upload/?name=Later.png"' in html
    post_upload(uploader, image_bytes("PNG"), name="Later.png", filename="l.png")
    run_jobs()
    html = uploader.get("/wiki/cell/").text
    assert "wikilink-new" not in html and 'class="thumb-image"' in html


def test_a_new_version_updates_the_pages_that_embed_it(uploader, user, run_jobs):
    post_upload(uploader, image_bytes(size=(900, 600)), name="Poster.jpg")
    page_save(
        slug="film", title="Film", body="[[File:Poster.jpg|thumb|Poster]]", author=user
    )
    post_upload(
        uploader, image_bytes(size=(900, 600), color=(0, 0, 0)), name="Poster.jpg"
    )
    run_jobs()
    newest = File.objects.get().current_version
    assert newest.rendition(320).url in uploader.get("/wiki/film/").text


def test_file_list_is_newest_first(uploader):
    post_upload(uploader, image_bytes(), name="First.jpg")
    post_upload(uploader, image_bytes(), name="Second.jpg")
    html = Client().get(reverse("wiki:file_list")).text
    assert html.index("Second.jpg") < html.index("First.jpg")


def test_file_pages_of_unknown_names_are_404(client, db):
    assert client.get("/files/Nothing.jpg/").status_code == 404
    assert client.get("/files/%00.jpg/").status_code == 404
