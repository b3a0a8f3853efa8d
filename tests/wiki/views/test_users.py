"""A user's page at /users/<name>/: their own text, their talk, their latest edits."""

import pytest

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import Page


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user("alice", password="x-long-pass-1")


def test_a_user_page_shows_their_latest_edits_and_links_their_talk(client, alice):
    page = create_page(title="Cell", body="one", author=alice)
    edit_page(page, "two", author=alice, summary="Second thoughts")
    html = parse_html(client.get("/users/alice/").text)
    assert html.h1.text == "User:alice"
    assert html.select_one("#no-user-page")
    assert "Second thoughts" in html.select_one("table.changes").text
    assert html.select_one("#user-talk-tab")["href"] == "/wiki/user:alice/talk/"


def test_a_user_writes_their_own_page_and_nobody_else_does(client, alice, user):
    client.force_login(alice)
    html = parse_html(client.get("/users/alice/").text)
    assert html.select_one('a[href="/wiki/user:alice/edit/"]')
    response = client.post("/wiki/user:alice/edit/", {"body": "I love **balloons**."})
    assert response.status_code == 302
    page = Page.objects.get(slug="user:alice")
    assert page.title == "User:alice" and page.get_absolute_url() == "/users/alice/"
    shown = parse_html(client.get("/users/alice/").text).select_one("#user-page")
    assert shown.strong.text == "balloons"
    client.force_login(user)
    current = page.current_revision_id
    refused = client.post(
        "/wiki/user:alice/edit/", {"body": "vandal", "base_revision": current}
    )
    assert refused.status_code == 403
    assert "Only alice" in parse_html(refused.text).select_one("#protected").text


def test_anyone_logged_in_talks_on_a_users_talk_page(client, alice, user):
    client.force_login(user)
    response = client.post(
        "/wiki/user:alice/talk/topic/", {"subject": "Hello", "message": "Welcome!"}
    )
    assert response.status_code == 302
    talk = Page.objects.get(slug="user:alice/talk")
    assert talk.title == "Talk:User:alice" and "Welcome!" in talk.current_revision.body


def test_user_pages_are_not_articles_and_unknown_users_are_404(client, alice, user):
    client.force_login(alice)
    client.post("/wiki/user:alice/edit/", {"body": "About me."})
    listed = [a.text for a in parse_html(client.get("/wiki/").text).select("main li a")]
    assert "User:alice" not in listed
    assert client.get("/users/nobody/").status_code == 404
    assert client.get("/wiki/user:nobody/talk/").status_code == 404
    assert client.get("/wiki/user:alice/").status_code == 302


def test_signatures_and_authors_link_to_user_pages(client, alice):
    create_page(title="Cell", body="one", author=alice)
    html = parse_html(client.get("/wiki/cell/").text)
    assert html.select_one('a[href="/users/alice/"]')
