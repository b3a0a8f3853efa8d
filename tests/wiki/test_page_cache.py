"""The page cache: logged-out readers get kept pages, never stale ones, and nothing of
anyone else's."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from tests.support.images import image_bytes, upload
from wiki.models import Page
from wiki.services import (
    page_delete,
    page_move,
    page_restore,
    page_update,
    revision_revert,
    talk_topic_add,
)


@pytest.fixture
def page(db, user):
    create_page(title="Target", body="The target.")
    page = create_page(title="Cell", body="See [[Target]] and [[Nowhere]].\n")
    edit_page(page, "See [[Target]] and [[Nowhere]].\n\nMore.\n", author=user)
    return Page.objects.get(slug="cell")


def cached_views(page):
    first, second = page.revisions.order_by("number")[:2]
    return [
        "/wiki/cell/",
        "/wiki/cell/history/",
        f"/wiki/cell/revisions/{first.pk}/",
        f"/wiki/cell/diff/{first.pk}/{second.pk}/",
        "/wiki/",
        "/categories/",
        "/users/reader/",
    ]


def queries_of(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


def test_a_logged_out_reader_is_served_from_the_cache_after_the_first_time(
    client, page
):
    for url in cached_views(page):
        first, drawn = queries_of(client, url)
        again, kept = queries_of(Client(), url)
        assert first.status_code == again.status_code == 200, url
        assert drawn > 0 and kept == 0, url
        assert again.content == first.content, url


def test_an_edit_is_shown_at_once_on_the_page_its_history_and_the_lists(client, page):
    for url in cached_views(page):
        client.get(url)
    revision = edit_page(page, "Brand new words.\n", summary="rewrote it")
    assert "Brand new words." in client.get("/wiki/cell/").text
    assert "rewrote it" in client.get("/wiki/cell/history/").text
    diff = f"/wiki/cell/diff/{revision.previous_id}/{revision.pk}/"
    assert "Brand" in client.get(diff).text


def test_an_old_revision_stops_saying_it_is_current_after_an_edit(client, page):
    current = page.current_revision
    url = f"/wiki/cell/revisions/{current.pk}/"
    before = client.get(url).text
    edit_page(page, "Newer.\n")
    assert client.get(url).text != before


def test_a_revert_is_shown_at_once(client, page, user):
    client.get("/wiki/cell/")
    revision_revert(revision=page.revisions.get(number=1), author=user)
    assert "More." not in client.get("/wiki/cell/").text


def test_a_linked_page_appearing_or_disappearing_turns_its_link_blue_or_red(
    client, page, staff_user, run_jobs
):
    def link_to(slug):
        html = parse_html(client.get("/wiki/cell/").text)
        return html.select_one(f'#content a[href^="/wiki/{slug}/"]')

    assert "wikilink-new" in link_to("nowhere")["class"]
    create_page(title="Nowhere", body="Now somewhere.")
    run_jobs()
    assert "wikilink-new" not in link_to("nowhere")["class"]
    page_delete(page=Page.objects.get(slug="target"), actor=staff_user)
    run_jobs()
    assert "wikilink-new" in link_to("target")["class"]
    page_restore(page=Page.objects.deleted().get(), actor=staff_user)
    run_jobs()
    assert "wikilink-new" not in link_to("target")["class"]


def test_a_deleted_page_is_gone_at_once(client, page, staff_user):
    client.get("/wiki/cell/")
    page_delete(page=page, actor=staff_user)
    assert client.get("/wiki/cell/").status_code == 404
    assert "Cell" not in parse_html(client.get("/wiki/").text).select_one("main").text


def test_a_move_is_shown_at_once_at_both_addresses(client, page, staff_user):
    client.get("/wiki/cell/")
    client.get("/wiki/cell/history/")
    page_move(page=page, new_title="Cell Seven", actor=staff_user)
    assert client.get("/wiki/cell/").status_code == 302
    assert "Cell Seven" in client.get("/wiki/cell-seven/").text
    assert "Moved from" in client.get("/wiki/cell/history/").text


def test_a_retitle_or_protection_in_admin_is_shown_at_once(client, page):
    client.get("/wiki/cell/")
    page_update(page=page, title="The Cell")
    assert parse_html(client.get("/wiki/cell/").text).h1.text.strip() == "The Cell"


def test_an_upload_shows_on_the_pages_that_embed_it(client, user, run_jobs):
    create_page(title="Gallery", body="[[File:Poster.jpg|thumb|The poster]]")
    before = parse_html(client.get("/wiki/gallery/").text)
    assert before.select_one("#content img") is None
    uploader = Client()
    uploader.force_login(user)
    response = uploader.post(
        "/files/upload/", {"file": upload("Poster.jpg", image_bytes()), "name": ""}
    )
    assert response.status_code == 302
    run_jobs()
    after = parse_html(client.get("/wiki/gallery/").text)
    assert after.select_one("#content img") is not None


def test_a_talk_post_updates_the_articles_discussion_count(client, page, user):
    assert parse_html(client.get("/wiki/cell/").text).select_one("#discussion-tab")
    talk_topic_add(page=page, subject="Sources", message="Any?", author=user)
    tab = parse_html(client.get("/wiki/cell/").text).select_one("#discussion-tab")
    assert "1" in tab.text
    assert "Sources" in client.get("/wiki/cell/talk/").text


def test_a_category_page_shows_a_new_member_at_once(client, page):
    client.get("/categories/prisons/")
    client.get("/categories/")
    edit_page(page, "A cell. [[Category:Prisons]]\n")
    assert "Cell" in client.get("/categories/prisons/").text
    assert "Prisons" in client.get("/categories/").text


def test_a_logged_in_reader_never_gets_or_leaves_a_kept_page(client, page, user):
    client.get("/wiki/cell/")  # kept for logged-out readers
    member = Client()
    member.force_login(user)
    response = member.get("/wiki/cell/")
    assert parse_html(response.text).select_one("#current-user").text == "reader"
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    member.get("/wiki/cell/history/")  # drawn for the member: never kept
    anonymous = Client().get("/wiki/cell/history/")
    assert parse_html(anonymous.text).select_one("#current-user") is None
    assert 'name="csrfmiddlewaretoken"' not in anonymous.text


def test_a_reader_with_a_message_waiting_gets_a_page_of_their_own(client, page, user):
    client.get("/wiki/cell/")  # kept for logged-out readers
    member = Client()
    member.force_login(user)
    member.post("/wiki/cell/watch/", {"action": "watch"})  # a message, not yet shown
    member.post("/accounts/logout/")
    assert "is on your watchlist" in member.get("/wiki/cell/").text
    assert "is on your watchlist" not in member.get("/wiki/cell/").text


def test_an_unknown_query_parameter_bypasses_the_cache(client, page):
    client.get("/wiki/cell/?utm_source=x")
    _, queries = queries_of(client, "/wiki/cell/?utm_source=x")
    assert queries > 0


def test_kept_pages_carry_validators_and_public_cache_headers(client, page, settings):
    for attempt in ("miss", "hit"):
        response = client.get("/wiki/cell/")
        assert response["ETag"].startswith('"'), attempt
        assert response["Last-Modified"], attempt
        control = response["Cache-Control"]
        assert "public" in control, attempt
        assert f"max-age={settings.WIKI_PAGE_MAX_AGE}" in control, attempt
        assert "stale-while-revalidate=" in control, attempt
        assert "Cookie" in response["Vary"], attempt


def test_a_reader_who_has_the_page_gets_304_until_it_changes(client, page):
    etag = client.get("/wiki/cell/history/")["ETag"]
    not_modified, queries = queries_of(
        client, "/wiki/cell/history/", if_none_match=etag
    )
    assert not_modified.status_code == 304 and queries == 0
    assert not_modified.content == b""
    edit_page(page, "Changed.\n")
    changed = client.get("/wiki/cell/history/", headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_a_missing_page_is_not_kept(client, db):
    assert client.get("/wiki/not-yet/").status_code == 404
    create_page(title="Not yet", body="Here now.")
    assert client.get("/wiki/not-yet/").status_code == 200


def test_a_deploy_forgets_the_kept_pages(client, page):
    client.get("/wiki/cell/")
    call_command("migrate", verbosity=0)  # what a deploy runs
    _, queries = queries_of(client, "/wiki/cell/")
    assert queries > 0


def test_a_head_request_is_answered_from_the_kept_page(client, page):
    client.get("/wiki/cell/")
    with CaptureQueriesContext(connection) as queries:
        response = client.head("/wiki/cell/")
    assert response.status_code == 200 and response.content == b""
    assert len(queries) == 0 and response["ETag"]


def test_a_users_page_shows_their_latest_edit_at_once(client, page, user):
    client.get("/users/reader/")
    edit_page(page, "Yet another text.\n", author=user, summary="tidied the intro")
    assert "tidied the intro" in client.get("/users/reader/").text


def test_with_nothing_kept_nothing_kept_before_is_read(db, settings):
    """WIKI_PAGE_CACHE_SECONDS=0 draws everything afresh, even what another process
    with a lifetime kept in the same cache."""
    from wiki.page_cache import remember

    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert remember("a fragment", compute) == 1
    assert remember("a fragment", compute) == 1  # kept
    settings.WIKI_PAGE_CACHE_SECONDS = 0
    assert remember("a fragment", compute) == 2
    assert remember("a fragment", compute) == 3
