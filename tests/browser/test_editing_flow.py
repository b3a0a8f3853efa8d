"""A person's round trip: log in, edit with preview, save, history, diff, revert."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.builders import create_page, edit_page
from tests.support.servers import wait_until, worker
from wiki.models import Page

pytestmark = pytest.mark.django_db(transaction=True)


def test_edit_preview_save_history_diff_revert(logged_in):
    create_page(title="Room 7", body="The inmates of Room 7.\n")
    browser = logged_in

    browser.goto("/wiki/room-7/")
    browser.get_by_role("link", name="Edit", exact=True).click()
    body = browser.locator("textarea[name=body]")
    expect(body).to_have_value("The inmates of Room 7.\n")
    body.fill("The inmates of Room 7 build a **balloon**.\n")
    browser.fill("input[name=summary]", "Mention the balloon")

    browser.get_by_role("button", name="Preview").click()
    expect(browser.locator("#preview strong")).to_have_text("balloon")
    assert Page.objects.get(slug="room-7").revisions.count() == 1

    browser.get_by_role("button", name="Save").click()
    expect(browser).to_have_url(re.compile(r"/wiki/room-7/$"))
    expect(browser.locator(".wiki-body strong")).to_have_text("balloon")

    browser.get_by_role("link", name="History", exact=True).click()
    rows = browser.locator("table.history tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Mention the balloon")
    expect(rows.first).to_contain_text("editor")

    rows.first.get_by_role("link", name="diff").click()
    expect(browser.locator(".diff ins").first).to_contain_text("build")

    browser.go_back()
    browser.locator("table.history tbody tr").nth(1).get_by_role(
        "button", name="revert to this"
    ).click()
    expect(browser).to_have_url(re.compile(r"/wiki/room-7/$"))
    expect(browser.locator(".wiki-body")).to_contain_text("The inmates of Room 7.")
    expect(browser.locator(".wiki-body strong")).to_have_count(0)
    assert (
        Page.objects.get(slug="room-7").current_revision.summary
        == "Reverted to revision 1"
    )


def test_red_link_creates_the_page(logged_in):
    create_page(title="Prison", body="See [[Hot Air Balloon]].\n")
    browser = logged_in
    browser.goto("/wiki/prison/")
    red = browser.locator("a.wikilink-new")
    expect(red).to_have_text("Hot Air Balloon")
    red.click()
    expect(browser.locator("input[name=title]")).to_have_value("Hot Air Balloon")
    browser.fill("textarea[name=body]", "It carries Yong-gu and Ye-sung.")
    browser.get_by_role("button", name="Save").click()
    expect(browser).to_have_url(re.compile(r"/wiki/hot-air-balloon/$"))

    def link_is_blue():
        browser.goto("/wiki/prison/")
        return "wikilink-new" not in browser.locator("a.wikilink").get_attribute(
            "class"
        )

    with worker():  # turns the link blue in a background job
        wait_until(link_is_blue, what="the link turning blue")
    expect(browser.locator("a.wikilink")).not_to_have_class(re.compile("wikilink-new"))


def test_conflicting_edit_keeps_both_texts(logged_in):
    created = create_page(title="Cell", body="one\ntwo\n")
    browser = logged_in
    browser.goto("/wiki/cell/edit/")
    browser.fill("textarea[name=body]", "one\nmine\n")
    # Someone else saves the same line meanwhile.
    edit_page(created, "one\ntheirs\n")
    browser.get_by_role("button", name="Save").click()
    expect(browser.locator("#edit-conflict")).to_be_visible()
    expect(browser.locator("#their-text")).to_have_value("one\ntheirs\n")
    expect(browser.locator("textarea[name=body]")).to_have_value("one\nmine\n")
    browser.get_by_role("button", name="Save").click()
    expect(browser).to_have_url(re.compile(r"/wiki/cell/$"))
    assert Page.objects.get(slug="cell").current_revision.body == "one\nmine\n"


def test_site_is_readable_on_a_phone(browser, live_server, django_db_blocker):
    create_page(title="Ye-sung", body="A lawyer.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}
    )
    phone = context.new_page()
    phone.goto("/wiki/ye-sung/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "nothing overflows the screen sideways"
    expect(phone.locator(".navbar-toggler")).to_be_visible()
    context.close()


def test_undo_one_edit_from_the_history(logged_in):
    created = create_page(title="Cell", body="one\ntwo\nthree\n")
    edit_page(created, "one\nVANDAL\nthree\n")
    edit_page(created, "one\nVANDAL\nthree\nfour\n")
    browser = logged_in
    browser.goto("/wiki/cell/history/")
    rows = browser.locator("table.history tbody tr")
    rows.nth(1).get_by_role("link", name="undo").click()
    expect(browser.locator("#undoing")).to_be_visible()
    expect(browser.locator("input[name=summary]")).to_have_value(
        "Undo revision 2 by the wiki"
    )
    browser.get_by_role("button", name="Save").click()
    expect(browser).to_have_url(re.compile(r"/wiki/cell/$"))
    current = Page.objects.get(slug="cell").current_revision
    assert current.body == "one\ntwo\nthree\nfour\n"


def test_watch_a_page_and_see_its_changes(logged_in):
    created = create_page(title="Cell", body="one\n")
    browser = logged_in
    browser.goto("/wiki/cell/")
    browser.get_by_role("button", name="☆ Watch").click()
    expect(browser.get_by_role("button", name="★ Unwatch")).to_be_visible()
    edit_page(created, "one\ntwo\n", summary="Someone adds a line")
    browser.goto("/watchlist/")
    expect(browser.locator("table.changes tbody tr").first).to_contain_text(
        "Someone adds a line"
    )


def test_add_a_topic_and_reply_on_a_talk_page(logged_in):
    create_page(title="Cell", body="The cell.\n")
    browser = logged_in
    browser.goto("/wiki/cell/")
    browser.locator("#discussion-tab").click()
    browser.fill("#topic-form input[name=subject]", "Ye-sung's age")
    browser.fill("#topic-form textarea[name=message]", "Is she six or seven?")
    browser.get_by_role("button", name="Add topic").click()
    expect(browser.locator(".wiki-body h2")).to_have_text("Ye-sung's age")
    browser.locator(".topics").get_by_role("link", name="reply").click()
    browser.fill("#reply-form textarea[name=message]", "Seven, says the article.")
    browser.get_by_role("button", name="Reply", exact=True).click()
    expect(browser.locator(".wiki-body blockquote")).to_contain_text("Seven")
    browser.goto("/wiki/cell/")
    expect(browser.locator("#discussion-tab")).to_contain_text("1")


def test_move_a_page_and_follow_its_old_title(staff_logged_in):
    page = staff_logged_in
    create_page(title="Cell", body="The cell.\n")
    page.goto("/wiki/cell/")
    page.get_by_role("link", name="Move", exact=True).click()
    page.fill("input[name=new_title]", "Cell No. 7")
    page.get_by_role("button", name="Move the page").click()
    expect(page).to_have_url(re.compile(r"/wiki/cell-no-7/$"))
    page.goto("/wiki/cell/")
    expect(page.locator("#redirected-from")).to_contain_text("Redirected from Cell")
