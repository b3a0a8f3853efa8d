"""Malformed addresses and query strings get a 4xx, never a server error."""

import pytest

HOSTILE_URLS = [
    "/recent-changes/?user=%00",
    "/recent-changes/?user%00=x",
    "/users/%00/contributions/",
    "/wiki/?page=%00",
    "/wiki/cell/?x=%00",
    "/wiki/cell/revisions/99999999999999999999999/",
    "/wiki/cell/diff/1/99999999999999999999999/",
    "/wiki/?page=99999999999999999999",
    "/wiki/?page=-1",
    "/recent-changes/?page=1e9",
    "/recent-changes/?user=" + "x" * 5000,
    "/wiki/cell/edit/?title=%00",
    "/wiki/cell/links-here/?page=%ff%fe",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_hostile_urls_never_give_a_server_error(client, make_page, user, url):
    make_page(title="Cell")
    client.force_login(user)
    client.raise_request_exception = False
    assert client.get(url).status_code < 500


def test_nul_in_a_query_string_is_a_bad_request(client, db):
    response = client.get("/recent-changes/?user=%00")
    assert response.status_code == 400
    assert "Bad request" in response.text
