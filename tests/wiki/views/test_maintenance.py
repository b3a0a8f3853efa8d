"""Maintenance lists: wanted, orphaned and dead-end pages, double redirects, random."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.builders import create_page
from tests.support.html import parse_html


@pytest.fixture
def pages(db):
    create_page(title="Hub", body="See [[Cell]], [[Balloon]] and [[Warden]].")
    create_page(title="Cell", body="See [[Balloon]].")
    create_page(title="Lonely", body="No links here.")
    create_page(title="Old cell", body="#REDIRECT [[Cell name]]")
    create_page(title="Cell name", body="#REDIRECT [[Cell]]")


def listed(client, url):
    return [
        li.get_text(" ", strip=True)
        for li in parse_html(client.get(url).text).select("ul.maintenance-list li")
    ]


def test_wanted_pages_most_wanted_first_with_who_wants_them(client, pages):
    rows = listed(client, "/maintenance/wanted/")
    assert rows[0].startswith("balloon (2 links, from")
    assert "Cell" in rows[0] and "Hub" in rows[0]
    assert rows[1].startswith("warden (1 link, from Hub")


def test_orphaned_and_dead_end_pages(client, pages):
    orphans = listed(client, "/maintenance/orphaned/")
    assert "Hub" in orphans and "Lonely" in orphans and "Cell" not in orphans
    dead_ends = listed(client, "/maintenance/dead-end/")
    assert "Lonely" in dead_ends and "Hub" not in dead_ends
    assert not any(row.startswith("Old cell") for row in dead_ends)


def test_double_redirects_are_listed(client, pages):
    assert listed(client, "/maintenance/double-redirects/") == [
        "Old cell → /wiki/cell-name/"
    ]


def test_a_random_page_is_an_article(client, pages):
    response = client.get("/maintenance/random/")
    assert response.status_code == 302 and response["Location"].startswith("/wiki/")


def test_the_maintenance_index_links_every_list(client, db):
    links = {
        a["href"]
        for a in parse_html(client.get("/maintenance/").text).select("ul.maintenance a")
    }
    assert links == {
        "/maintenance/wanted/",
        "/maintenance/orphaned/",
        "/maintenance/dead-end/",
        "/maintenance/uncategorised/",
        "/maintenance/double-redirects/",
        "/maintenance/outdated-translations/",
        "/maintenance/random/",
    }


@pytest.mark.parametrize(
    "url",
    [
        "/maintenance/wanted/",
        "/maintenance/orphaned/",
        "/maintenance/dead-end/",
        "/maintenance/uncategorised/",
        "/maintenance/double-redirects/",
    ],
)
def test_each_list_takes_as_many_queries_for_more_pages(client, pages, url):
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(30):
        create_page(title=f"Extra {n}", body=f"[[Missing {n}]] [[Extra {n + 1}]]")
        create_page(title=f"Hop {n}", body="#REDIRECT [[Old cell]]")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_uncategorised_pages_are_listed(client, pages):
    create_page(title="Sorted", body="[[Category:Misc]]")
    rows = listed(client, "/maintenance/uncategorised/")
    assert "Lonely" in rows and "Sorted" not in rows
    assert not any(row.startswith("Old cell") for row in rows)
