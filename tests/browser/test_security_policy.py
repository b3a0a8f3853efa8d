"""The site works under its strict Content-Security-Policy, in a real browser."""

import pytest
from playwright.sync_api import expect

from tests.support.builders import create_page

pytestmark = pytest.mark.django_db(transaction=True)


def test_menus_work_and_nothing_breaks_the_policy(page, staff_user):
    create_page(
        title="Room 7", body="The inmates of [[Room 7]].\n\n[ext](https://example.org/)"
    )
    for url in [
        "/",
        "/wiki/room-7/",
        "/search/?q=room",
        "/accounts/login/",
        "/accounts/signup/",
    ]:
        response = page.goto(url)
        policy = response.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy
    # The Browse menu opens without script; the Appearance menu's script, from
    # 'self', runs and switches the colours.
    page.goto("/")
    page.locator("#browse-menu summary").click()
    expect(page.get_by_role("link", name="All pages")).to_be_visible()
    page.locator("#appearance-menu summary").click()
    page.get_by_label("Dark").check()
    expect(page.locator("html")).to_have_attribute("data-bs-theme", "dark")


def test_admin_and_account_pages_keep_to_the_policy(staff_logged_in):
    page = staff_logged_in
    create_page(title="Room 7", body="text")
    for url in [
        "/accounts/settings/",
        "/watchlist/",
        "/watchlist/edit/",
        "/notifications/",
        "/recent-changes/?hidebots=1",
        "/wiki/room-7/history/",
        "/admin/",
        "/admin/wiki/page/",
        "/wiki/new/edit/",
    ]:
        assert page.goto(url).status == 200


def test_the_api_docs_work_under_the_policy(page):
    response = page.goto("/api/docs/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator(".opblock").first).to_be_visible()
    expect(page.get_by_text("/api/films/", exact=True)).to_be_visible()
