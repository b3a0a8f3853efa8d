"""Watching pages: the tab, watching what one edits, the watchlist and its editor."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import Page, Preferences, Watch


@pytest.fixture
def reader(client, user):
    client.force_login(user)
    return client


def watch_button(client, url):
    return parse_html(client.get(url).text).select_one("#watch-form button")


def test_a_page_is_watched_and_unwatched_from_its_tabs(reader, user, make_page):
    make_page(title="Cell")
    assert "Watch" in watch_button(reader, "/wiki/cell/").text
    reader.post("/wiki/cell/watch/", {"action": "watch"})
    assert Watch.objects.filter(user=user, page__slug="cell").exists()
    button = watch_button(reader, "/wiki/cell/history/")
    assert "Unwatch" in button.text and button["aria-pressed"] == "true"
    reader.post("/wiki/cell/watch/", {"action": "unwatch"})
    assert not Watch.objects.exists()


def test_watching_takes_a_logged_in_post(client, make_page):
    make_page(title="Cell")
    assert client.get("/wiki/cell/watch/").status_code == 405
    response = client.post("/wiki/cell/watch/", {"action": "watch"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Watch.objects.exists()
    assert watch_button(client, "/wiki/cell/") is None


def test_editing_or_creating_a_page_watches_it(reader, user, make_page):
    make_page(title="Cell", body="one")
    reader.post("/wiki/new-page/edit/", {"title": "New page", "body": "x"})
    current = Page.objects.get(slug="cell").current_revision_id
    reader.post("/wiki/cell/edit/", {"body": "two", "base_revision": current})
    watched = set(Watch.objects.filter(user=user).values_list("page__slug", flat=True))
    assert watched == {"cell", "new-page"}


def test_editing_does_not_watch_when_the_user_said_no(reader, user, make_page):
    response = reader.post(
        "/accounts/settings/",
        {
            "change_preferences": "",
            "watch_edited_pages": "",
            "email_notifications": "never",
        },
    )
    assert response.status_code == 302
    assert Preferences.of(user).watch_edited_pages is False
    reader.post("/wiki/new-page/edit/", {"title": "New page", "body": "x"})
    assert not Watch.objects.exists()


def test_the_watchlist_shows_changes_to_watched_pages_newest_first(reader, user):
    cell, prison = create_page(title="Cell"), create_page(title="Prison")
    create_page(title="Unwatched")
    for page in (cell, prison):
        Watch.objects.create(user=user, page=page)
    edit_page(cell, "Cell, edited.", summary="second cell edit")
    edit_page(prison, "Prison, edited.", summary="second prison edit")
    html = parse_html(reader.get("/watchlist/").text)
    rows = html.select("table.changes tbody tr")
    titles = [row.select_one("td:nth-of-type(2) a").text for row in rows]
    assert titles == ["Prison", "Cell", "Prison", "Cell"]
    assert all(row.find("a", string="diff") for row in rows[:2])
    assert "Unwatched" not in html.text


def test_the_watchlist_needs_a_login(client, db):
    for url in ["/watchlist/", "/watchlist/edit/"]:
        response = client.get(url)
        assert (
            response.status_code == 302 and "/accounts/login/" in response["Location"]
        )


def test_pages_are_taken_off_the_list_in_the_editor(reader, user):
    pages = [create_page(title=f"Page {n}") for n in range(3)]
    for page in pages:
        Watch.objects.create(user=user, page=page)
    html = parse_html(reader.get("/watchlist/edit/").text)
    assert len(html.select('input[name="page"]')) == 3
    reader.post("/watchlist/edit/", {"page": [pages[0].pk, pages[2].pk, "x"]})
    assert list(Watch.objects.values_list("page__title", flat=True)) == ["Page 1"]


def watch_pages(user, count):
    pages = Page.objects.bulk_create(
        Page(title=f"Bulk {n}", slug=f"bulk-{n}") for n in range(count)
    )
    Watch.objects.bulk_create(Watch(user=user, page=page) for page in pages)


@pytest.mark.parametrize("url", ["/watchlist/", "/watchlist/edit/"])
def test_the_watchlist_takes_as_many_queries_for_500_pages_as_for_1(reader, user, url):
    seen = create_page(title="Seen")
    edit_page(seen, "changed")
    Watch.objects.create(user=user, page=seen)
    with CaptureQueriesContext(connection) as one:
        assert reader.get(url).status_code == 200
    watch_pages(user, 499)
    with CaptureQueriesContext(connection) as many:
        assert reader.get(url).status_code == 200
    assert Watch.objects.filter(user=user).count() == 500
    assert len(many) == len(one)
