"""Uploads sent chunked, without a Content-Length, to a real gunicorn server."""

import http.client
import re

import pytest
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from tests.support.images import image_bytes, upload
from tests.support.servers import gunicorn
from wiki.models import File

pytestmark = pytest.mark.django_db(transaction=True)
MB = 1024 * 1024


@pytest.fixture(scope="module")
def server(django_db_setup, tmp_path_factory):
    """gunicorn serving the site on the test database, as production would."""
    media = tmp_path_factory.mktemp("server-media")
    with gunicorn(MEDIA_ROOT=str(media), CACHE_URL="") as port:
        yield port


@pytest.fixture
def session(server, user):
    """The cookies and CSRF token of a logged-in browser."""
    client = Client()
    client.force_login(user)
    cookies = {"sessionid": client.cookies["sessionid"].value}
    conn = http.client.HTTPConnection("127.0.0.1", server, timeout=10)
    conn.request("GET", "/files/upload/", headers=cookie_header(cookies))
    response = conn.getresponse()
    page = response.read().decode()
    cookies["csrftoken"] = re.search(
        r"csrftoken=([^;]+)", response.getheader("Set-Cookie")
    ).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return cookies, token


def cookie_header(cookies):
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}


def post_chunked(port, cookies, body, chunk=256 * 1024):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.putrequest("POST", "/files/upload/")
    for name, value in {
        **cookie_header(cookies),
        "Content-Type": MULTIPART_CONTENT,
        "Transfer-Encoding": "chunked",
    }.items():
        conn.putheader(name, value)
    conn.endheaders()
    try:
        for start in range(0, len(body), chunk):
            part = body[start : start + chunk]
            conn.send(f"{len(part):x}\r\n".encode() + part + b"\r\n")
        conn.send(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server may answer before reading it all
    response = conn.getresponse()
    return response.status, response.read().decode()


def body_with(token, content):
    return encode_multipart(
        BOUNDARY,
        {
            "csrfmiddlewaretoken": token,
            "file": upload("Poster.jpg", content),
            "name": "",
            "description": "A poster",
        },
    )


def test_a_small_chunked_upload_is_stored(server, session):
    cookies, token = session
    status, _ = post_chunked(server, cookies, body_with(token, image_bytes()))
    assert status == 302
    assert File.objects.get().name == "Poster.jpg"


def test_a_chunked_upload_over_the_limit_gets_413_with_the_form(server, session):
    cookies, token = session
    status, page = post_chunked(
        server, cookies, body_with(token, image_bytes() + b"\0" * (12 * MB))
    )
    assert status == 413
    assert "10 MB" in page and 'name="file"' in page
    assert not File.objects.exists()
