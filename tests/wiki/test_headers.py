"""Strict response headers on every page."""

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
