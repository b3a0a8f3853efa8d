"""Minor edits are marked wherever changes are listed, and can be hidden."""

import pytest

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import Watch


@pytest.fixture
def edits(db, user):
    page = create_page(title="Cell", body="Text.")
    Watch.objects.create(user=user, page=page)
    minor = edit_page(page, "Text!", author=user, minor=True)
    major = edit_page(page, "Text! More.", author=user)
    return minor, major


def listed(client, url):
    links = parse_html(client.get(url).text).select(
        "table.changes a[href^='/wiki/cell/revisions/']"
    )
    return {link["href"] for link in links}


def test_the_watchlist_marks_minor_edits_and_can_hide_them(client, user, edits):
    minor, major = edits
    client.force_login(user)
    soup = parse_html(client.get("/watchlist/").text)
    assert len(soup.select("table.changes abbr[title='This is a minor edit']")) == 1
    assert soup.select_one("#changes-filter input[name=hideminor]")
    shown = listed(client, "/watchlist/?hideminor=1")
    assert major.get_absolute_url() in shown and minor.get_absolute_url() not in shown


def test_the_feed_marks_minor_edits(client, edits):
    minor, major = edits
    feed = client.get("/recent-changes/feed/").text
    assert "Cell (revision 2, minor edit)" in feed
    assert "Cell (revision 3)</title>" in feed
    assert feed.count('<category term="minor"') == 1
    assert "revision 2" not in client.get("/recent-changes/feed/?hideminor=1").text
