"""An upload of any size gets an answer with the form, never a server error."""

import io

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from tests.support.html import messages_in, parse_html
from tests.support.images import image_bytes, upload
from wiki.models import File

UPLOAD = "/files/upload/"
MB = 1024 * 1024


@pytest.fixture
def uploader(client, user):
    client.handler.enforce_csrf_checks = True
    client.force_login(user)
    client.get(UPLOAD)  # sets the CSRF cookie, as a browser's visit does
    return client


def multipart_body(client, content, **fields):
    # The token comes first, as a browser sends the form's fields in their order.
    data = {
        "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        "file": upload("Poster.jpg", content),
        "name": "",
        "description": "A poster",
        **fields,
    }
    return encode_multipart(BOUNDARY, data)


def post_raw(client, body, **environ):
    """POST `body` as the server hands it over: `environ` may drop its length."""
    environ.setdefault("CONTENT_TYPE", MULTIPART_CONTENT)
    return client.generic("POST", UPLOAD, body, **environ)


def assert_refused_as_too_large(response):
    assert response.status_code == 413
    assert any("10 MB" in message for message in messages_in(response))
    assert parse_html(response.text).select_one('form input[name="file"]')
    assert not File.objects.exists()


def test_a_30_mb_upload_gets_413_with_the_form(uploader):
    body = multipart_body(uploader, image_bytes() + b"\0" * (30 * MB))
    assert_refused_as_too_large(post_raw(uploader, body))


def test_a_body_under_a_small_declared_length_is_read_no_further(uploader):
    # The declared length passes the early check; the bytes actually read are cut
    # at it, and what arrives is judged, not the header.
    body = multipart_body(uploader, image_bytes() + b"\0" * (11 * MB))
    response = post_raw(uploader, body, CONTENT_LENGTH=str(5 * MB))
    assert response.status_code < 500
    assert not File.objects.exists()


def test_a_chunked_upload_over_the_limit_gets_413(uploader):
    body = multipart_body(uploader, image_bytes() + b"\0" * (12 * MB))
    response = post_raw(
        uploader,
        b"",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": io.BytesIO(body), "wsgi.input_terminated": True},
    )
    assert_refused_as_too_large(response)


def test_a_small_chunked_upload_is_stored(uploader):
    body = multipart_body(uploader, image_bytes())
    response = post_raw(
        uploader,
        b"",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": io.BytesIO(body), "wsgi.input_terminated": True},
    )
    assert response.status_code == 302
    assert File.objects.get().name == "Poster.jpg"


def test_an_upload_of_unknown_length_the_server_cannot_end_gets_411(uploader):
    body = multipart_body(uploader, image_bytes())
    response = post_raw(uploader, body, CONTENT_LENGTH="")
    assert response.status_code == 411
    assert any("how large" in message for message in messages_in(response))
    assert not File.objects.exists()


def test_the_size_check_still_asks_for_the_csrf_token(uploader):
    body = multipart_body(uploader, image_bytes(), csrfmiddlewaretoken="forged")
    assert post_raw(uploader, body).status_code == 403
    assert not File.objects.exists()
