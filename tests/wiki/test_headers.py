"""Strict response headers on every page."""

import gzip

import brotli
import pytest

PAGES = [
    "/",
    "/wiki/",
    "/search/?q=balloon",
    "/accounts/login/",
    "/recent-changes/feed/",
]


def directives(response):
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (
            part.split() for part in header.split(";") if part.strip()
        )
    }


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_a_strict_content_security_policy(client, db, url):
    policy = directives(client.get(url))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)


def test_permissions_and_opener_policies(client, db):
    response = client.get("/")
    features = dict(
        part.strip().split("=") for part in response["Permissions-Policy"].split(",")
    )
    assert features["camera"] == "()" and features["geolocation"] == "()"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("url", ["/wiki/", "/wiki/sample-page/", "/sitemap.xml"])
def test_pages_go_out_compressed_to_readers_who_accept_it(client, db, url):
    from tests.support.builders import create_page

    create_page(title="Sample page", body="Some text. " * 200)
    for number in range(20):  # a sitemap long enough to be worth packing
        create_page(title=f"Room {number}", body="A cell.")
    plain = client.get(url)
    assert "Content-Encoding" not in plain
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content)
    # A kept page goes out in brotli to a reader who takes it, smaller still.
    smaller = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert smaller["Content-Encoding"] == "br"
    assert brotli.decompress(smaller.content) == plain.content
    assert len(smaller.content) < len(packed.content)
    # Still answered 304 when the reader has it.
    again = client.get(
        url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"]
    )
    assert again.status_code == 304
