"""The search page: the exact title offered, pages of results, queries that do not
grow, the box in every header.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.search import titles


def test_exact_title_is_offered(client, pages):
    html = client.get("/search/", {"q": "ye-sung"}).text
    assert 'id="exact-match"' in html and 'href="/wiki/ye-sung/"' in html


def test_results_are_paginated(client, make_page):
    for n in range(25):
        make_page(title=f"Cell {n:02}", body="inmates")
    first = client.get("/search/", {"q": "inmates"})
    assert first.context["page_obj"].paginator.count == 25
    assert len(first.context["page_obj"]) == 20
    assert "q=inmates&amp;page=2" in first.text
    assert len(titles(client, "inmates", page=2)) == 5
    assert len(titles(client, "inmates", page="abc")) == 20
    assert len(titles(client, "inmates", page="999")) == 5


def test_search_queries_do_not_grow_with_results(client, make_page):
    for n in range(3):
        make_page(title=f"Room {n}", body="inmates")
    with CaptureQueriesContext(connection) as few:
        client.get("/search/", {"q": "inmates"})
    for n in range(3, 30):
        make_page(title=f"Room {n}", body="inmates")
    with CaptureQueriesContext(connection) as many:
        client.get("/search/", {"q": "inmates"})
    assert len(many) == len(few)


def test_header_of_every_page_has_the_search_box(client, pages):
    for url in ("/", "/wiki/", "/wiki/balloon/", "/recent-changes/"):
        assert 'action="/search/"' in client.get(url).text
