"""Recent changes filtered: bots, one's own edits, new pages; the feed alike."""

from xml.etree import ElementTree

import pytest
from django.contrib.auth.models import Group

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import Page
from wiki.services import talk_topic_add

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def changes(db, user, django_user_model):
    bot = django_user_model.objects.create_user("tidybot", password="x-long-pass-1")
    bot.groups.add(Group.objects.create(name="bots"))
    human = django_user_model.objects.create_user("alice", password="x-long-pass-2")
    cell = create_page(title="Cell", body="one", author=human)
    edit_page(cell, "one, tidied", author=bot)
    edit_page(cell, "one, tidied, read", author=user)
    create_page(title="Prison", body="new", author=user)


def listed(client, query=""):
    html = parse_html(client.get(f"/recent-changes/{query}").text)
    return [
        (
            row.select_one("td:nth-of-type(2) > a").text,
            row.select_one("td:nth-of-type(3)").get_text(strip=True),
        )
        for row in html.select("table.changes tbody tr")
        if row.select_one("td:nth-of-type(2) > a")
    ]


def test_every_change_is_listed_with_its_size_change_and_diff(client, changes):
    html = parse_html(client.get("/recent-changes/").text)
    rows = html.select("table.changes tbody tr")
    assert len(rows) == 4
    assert all(row.select_one("td:nth-of-type(4)").get_text(strip=True) for row in rows)
    assert sum(bool(row.find("a", string="diff")) for row in rows) == 2


def test_bots_edits_can_be_hidden(client, changes):
    assert ("Cell", "tidybot") in listed(client)
    assert "tidybot" not in {author for _, author in listed(client, "?hidebots=1")}


def test_ones_own_edits_can_be_hidden(client, changes, user):
    client.force_login(user)
    authors = {author for _, author in listed(client, "?hidemine=1")}
    assert authors == {"alice", "tidybot"}


def test_new_pages_only(client, changes):
    assert listed(client, "?newpages=1") == [("Prison", "reader"), ("Cell", "alice")]


def test_the_filters_are_kept_across_pages_and_in_the_feed_link(client, changes):
    html = parse_html(client.get("/recent-changes/?hidebots=1&newpages=1").text)
    feed = html.select_one('link[type="application/atom+xml"]')["href"]
    assert feed == "/recent-changes/feed/?hidebots=1&newpages=1"
    assert html.select_one("#filter-hidebots").has_attr("checked")


def test_the_feed_takes_the_same_filters(client, changes):
    feed = ElementTree.fromstring(
        client.get("/recent-changes/feed/?newpages=1").content
    )
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Prison (revision 1)", "Cell (revision 1)"]
    bots = ElementTree.fromstring(
        client.get("/recent-changes/feed/?hidebots=1").content
    )
    authors = {
        e.find(f"{ATOM}author/{ATOM}name").text for e in bots.iter(f"{ATOM}entry")
    }
    assert "tidybot" not in authors and authors


def test_anonymous_readers_get_no_hide_my_edits_box(client, changes):
    assert not parse_html(client.get("/recent-changes/").text).select_one(
        "#filter-hidemine"
    )


def test_talk_pages_only_or_articles_only(client, changes, user):
    talk_topic_add(
        page=Page.objects.get(slug="cell"), subject="Age", message="?", author=user
    )
    assert [title for title, _ in listed(client, "?kind=talk")] == ["Talk:Cell"]
    articles = {title for title, _ in listed(client, "?kind=articles")}
    assert articles == {"Cell", "Prison"}
    feed = ElementTree.fromstring(client.get("/recent-changes/feed/?kind=talk").content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Talk:Cell (revision 1)"]
