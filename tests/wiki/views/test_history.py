"""History, old revisions, diffs, what links here, recent changes and the feed."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.support.builders import edit_page

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def page(make_page, user, staff_user):
    page = make_page(
        title="Cell", body="one\ntwo\n", author=user, summary="Started the page"
    )
    edit_page(page, "one\ntwo\nthree\n", author=staff_user, summary="Grew the page")
    edit_page(page, "one\n", author=user, summary="Shrank the page")
    return page


def test_history_lists_revisions_newest_first_with_signed_size_changes(client, page):
    html = client.get("/wiki/cell/history/").text
    assert (
        html.index("Shrank the page")
        < html.index("Grew the page")
        < html.index("Started the page")
    )
    sizes = re.findall(r'class="size-change[^"]*">([^<]+)<', html)
    assert sizes == ["\u221210", "+6", "+8"]
    assert "reader" in html and "curator" in html
    for revision in page.revisions.all():
        assert revision.get_absolute_url() in html
        if revision.previous_id:
            assert revision.get_diff_url() in html


def test_history_offers_revert_to_editors_only(client, page, user):
    assert "revert to this" not in client.get("/wiki/cell/history/").text
    client.force_login(user)
    assert "revert to this" in client.get("/wiki/cell/history/").text


def test_old_revision_is_shown_rendered(client, page):
    first = page.revisions.get(number=1)
    response = client.get(first.get_absolute_url())
    assert response.status_code == 200
    assert "<p>one\ntwo</p>" in response.text and "Revision #1" in response.text


def test_diff_shows_removed_and_added_lines(client, page):
    second, third = page.revisions.get(number=2), page.revisions.get(number=3)
    html = client.get(third.get_diff_url()).text
    assert 'class="diff-removed"' in html and "three" in html
    assert client.get(second.get_diff_url()).text.count('class="diff-added"') == 1


def test_revisions_of_another_page_are_404(client, page, make_page):
    other = make_page(title="Other").current_revision
    mine = page.current_revision
    assert client.get(f"/wiki/cell/revisions/{other.pk}/").status_code == 404
    assert client.get(f"/wiki/cell/diff/{other.pk}/{mine.pk}/").status_code == 404
    assert client.get("/wiki/cell/revisions/999999/").status_code == 404
    assert client.get("/wiki/nowhere/history/").status_code == 404


def test_what_links_here(client, page, make_page):
    make_page(title="Fan", body="[[Cell]] and [[Nowhere]]")
    assert "Fan" in client.get("/wiki/cell/links-here/").text
    assert "Fan" in client.get("/wiki/nowhere/links-here/").text


def test_recent_changes_filtered_by_user(client, page):
    html = client.get("/recent-changes/").text
    assert html.index("Shrank the page") < html.index("Grew the page")
    filtered = client.get("/recent-changes/?user=curator").text
    assert "Grew the page" in filtered and "Shrank the page" not in filtered
    assert client.get("/recent-changes/?user=nobody").status_code == 200
    assert client.get("/recent-changes/?page=zzz").status_code == 404


def test_contributions_page(client, page):
    html = client.get(reverse("wiki:contributions", args=["reader"])).text
    assert (
        "Started the page" in html
        and "Shrank the page" in html
        and "Grew the page" not in html
    )
    assert client.get(reverse("wiki:contributions", args=["ghost"])).status_code == 404


def test_atom_feed_of_recent_changes(client, page):
    response = client.get("/recent-changes/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Cell (revision 3)",
        "Cell (revision 2)",
        "Cell (revision 1)",
    ]
    assert entries[0].find(f"{ATOM}author/{ATOM}name").text == "reader"


def grow_history(page, user, count):
    for n in range(count):
        edit_page(page, f"text {n}\n", author=user, summary=f"edit {n}")


@pytest.mark.parametrize(
    "url",
    [
        "/wiki/cell/",
        "/wiki/cell/history/",
        "/recent-changes/",
        "/recent-changes/feed/",
        "/users/reader/contributions/",
    ],
)
def test_query_count_does_not_grow_with_history(client, page, user, url):
    client.get(url)  # what stays cached across edits (which pages have infoboxes)
    grow_history(page, user, 1)  # both counts below are of views after an edit
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    grow_history(page, user, 30)
    with CaptureQueriesContext(connection) as after:
        assert client.get(url).status_code == 200
    assert len(after) == len(before)


def test_page_view_does_not_render_markdown(client, page, monkeypatch):
    import wiki.markup

    def fail(*args, **kwargs):
        raise AssertionError("rendered on a page view")

    monkeypatch.setattr(wiki.markup, "render", fail)
    assert client.get("/wiki/cell/").status_code == 200
