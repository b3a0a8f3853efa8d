"""Images kept in an S3-compatible store show in a real browser, under the CSP."""

import pytest

from tests.support.servers import Browser, gunicorn, image_in_chromium

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_image_in_the_object_store_decodes_in_the_browser(
    browser, object_store, user
):
    with gunicorn(**object_store.environ()) as port:
        uploader = Browser()
        assert uploader.log_in(port, "reader")[0] == 302
        status, _ = uploader.upload_poster(port)
        assert status == 302
        body = "[[File:Poster.jpg|thumb|The poster]]"
        status, _ = uploader.submit(
            port, "/wiki/gallery/edit/", {"title": "Gallery", "body": body}
        )
        assert status == 302
        url = f"http://127.0.0.1:{port}/wiki/gallery/"
        src, width, refused = image_in_chromium(browser, url)
    assert src.startswith(object_store.endpoint) and width > 0 and refused == []
