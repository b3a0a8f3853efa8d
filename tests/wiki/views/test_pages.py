"""Reading wiki pages: a page, the list of pages, and addresses that cannot exist."""

import pytest
from django.core import mail

from tests.support.html import parse_html


def test_page_shows_title_and_rendered_body(client, make_page):
    make_page(title="Hot Air Balloon", body="The **balloon** flies.")
    response = client.get("/wiki/hot-air-balloon/")
    assert response.status_code == 200
    assert "<h1" in response.text and "Hot Air Balloon" in response.text
    assert "<strong>balloon</strong>" in response.text


def test_missing_page_answers_404(client, db):
    response = client.get("/wiki/no-such-page/")
    assert response.status_code == 404
    assert "no-such-page" in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/wiki/../",
        "/wiki/%00/",
        "/wiki/a%00b/",
        "/wiki/" + "x" * 201 + "/",
        "/wiki/a/b/",
        "/wiki/%2e%2e/",
        "/wiki/<script>/",
    ],
)
def test_impossible_slugs_answer_404(client, db, path):
    assert client.get(path).status_code == 404


def test_page_list_is_alphabetical_and_paginated(client, make_page):
    for title in ("beta", "Alpha", "gamma"):
        make_page(title=title)
    response = client.get("/wiki/")
    text = response.text
    assert text.index("Alpha") < text.index("beta") < text.index("gamma")
    assert client.get("/wiki/?page=99").status_code == 404
    assert client.get("/wiki/?page=abc").status_code == 404


def test_a_page_that_gains_a_target_turns_its_red_link_blue_in_a_job(
    client, make_page, run_jobs
):
    make_page(title="Source", body="See [[Target]].")
    assert "wikilink-new" in client.get("/wiki/source/").text
    make_page(title="Target")
    assert "wikilink-new" in client.get("/wiki/source/").text  # until a worker runs
    run_jobs()
    html = client.get("/wiki/source/").text
    assert "wikilink-new" not in html and 'href="/wiki/target/"' in html


def test_static_files_are_served_with_debug_off(client, settings):
    assert settings.DEBUG is False
    response = client.get("/static/vendor/bootstrap/css/bootstrap.min.css")
    assert response.status_code == 200
    assert b"Bootstrap" in b"".join(response.streaming_content)


def test_the_site_name_is_one_setting(client, user, settings):
    settings.WIKI_SITE_NAME = "Cell Seven Fans"
    html = parse_html(client.get("/wiki/").text)
    assert html.title.get_text().endswith("· Cell Seven Fans")
    assert html.select_one(".navbar-brand").get_text() == "Cell Seven Fans"
    feed = client.get("/recent-changes/feed/").content.decode()
    assert "<title>Cell Seven Fans: recent changes</title>" in feed
    user.email = "reader@example.org"
    user.save()
    client.post("/accounts/password_reset/", {"email": "reader@example.org"})
    assert "Cell Seven Fans" in mail.outbox[0].subject
    assert "Cell Seven Fans" in mail.outbox[0].body
