"""Redirect pages: `#REDIRECT [[Target]]` sends readers on, once, and search follows."""

from tests.support.builders import create_page
from tests.support.html import parse_html
from wiki.models import Page


def test_a_redirect_page_sends_readers_to_its_target_and_says_so(client, db):
    create_page(title="Yong-gu", body="The father.")
    create_page(title="Lee Yong gu", body="#REDIRECT [[Yong-gu]]")
    response = client.get("/wiki/lee-yong-gu/")
    assert response.status_code == 302
    assert response["Location"] == "/wiki/yong-gu/?redirectedfrom=lee-yong-gu"
    html = parse_html(client.get(response["Location"]).text)
    note = html.select_one("#redirected-from")
    assert "Redirected from Lee Yong gu" in note.text
    assert note.a["href"] == "/wiki/lee-yong-gu/?redirect=no"


def test_redirect_no_shows_the_redirect_page_itself(client, db):
    create_page(title="Target", body="text")
    create_page(title="Old", body="#redirect [[Target|shown]]")
    response = client.get("/wiki/old/?redirect=no")
    assert response.status_code == 200
    assert parse_html(response.text).select_one("#redirect-note a")["href"] == (
        "/wiki/target/"
    )


def test_a_made_up_redirected_from_is_not_shown(client, db):
    create_page(title="Target", body="text")
    create_page(title="Unrelated", body="text")
    html = parse_html(client.get("/wiki/target/?redirectedfrom=unrelated").text)
    assert html.select_one("#redirected-from") is None


def test_double_redirects_are_followed_once_and_loops_end(client, db):
    create_page(title="A", body="#REDIRECT [[B]]")
    create_page(title="B", body="#REDIRECT [[C]]")
    create_page(title="C", body="the end")
    first = client.get("/wiki/a/")
    assert first["Location"] == "/wiki/b/?redirectedfrom=a"
    second = client.get(first["Location"])
    assert second.status_code == 200  # B is shown, not followed on
    create_page(title="Loop", body="#REDIRECT [[Loop]]")
    assert client.get("/wiki/loop/").status_code == 200
    create_page(title="Ping", body="#REDIRECT [[Pong]]")
    create_page(title="Pong", body="#REDIRECT [[Ping]]")
    hop = client.get("/wiki/ping/")
    assert client.get(hop["Location"]).status_code == 200


def test_a_redirect_to_a_missing_page_is_shown_with_a_red_link(client, db):
    create_page(title="Old", body="#REDIRECT [[Nowhere yet]]")
    response = client.get("/wiki/old/")
    assert response.status_code == 200
    link = parse_html(response.text).select_one("#redirect-note a")
    assert "wikilink-new" in link["class"] and link["href"] == "/wiki/nowhere-yet/"


def test_editing_a_redirect_into_text_makes_it_a_page_again(client, user, db):
    page = create_page(title="Old", body="#REDIRECT [[Target]]")
    client.force_login(user)
    client.post(
        "/wiki/old/edit/",
        {"body": "A page of its own.", "base_revision": page.current_revision_id},
    )
    assert Page.objects.get(slug="old").redirect_to == ""


def test_search_finds_a_page_under_its_old_title_and_never_the_redirect(client, db):
    create_page(title="Yong-gu", body="The father of Ye-sung.")
    create_page(title="Lee Yong gu", body="#REDIRECT [[Yong-gu]]")
    response = client.get("/search/", {"q": "Lee"})
    hits = [hit.page.title for hit in response.context["page_obj"]]
    assert hits == ["Yong-gu"]
    assert [
        hit.page.title
        for hit in client.get("/search/", {"q": "father"}).context["page_obj"]
    ] == ["Yong-gu"]
