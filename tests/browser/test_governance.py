"""Governing the wiki in a browser: staff block a vandal, and the vandal sees why,
until when and by whom, and where they may still write."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.support.builders import create_page
from wiki.models import Page

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_block_a_vandal_who_then_sees_the_block(
    browser, live_server, staff_logged_in, django_user_model
):
    django_user_model.objects.create_user("vandal", password="a-vandals-password-1")
    create_page(title="Room 7", body="The inmates of Room 7.\n")
    staff = staff_logged_in

    staff.goto("/block/?target=vandal")
    expect(staff.locator("input[name=target]")).to_have_value("vandal")
    staff.select_option("select[name=expiry]", "1 day")
    staff.fill("input[name=reason]", "Vandalising Room 7")
    staff.check("input[name=sitewide]")
    staff.get_by_role("button", name="Block").click()
    expect(staff.locator("#messages")).to_contain_text("Blocked")

    staff.goto("/blocks/")
    expect(staff.locator("main")).to_contain_text("Vandalising Room 7")

    context = browser.new_context(base_url=live_server.url)
    try:
        vandal = log_in(context.new_page(), "vandal", "a-vandals-password-1")
        vandal.goto("/wiki/room-7/edit/")
        notice = vandal.locator("#block-notice")
        expect(notice).to_contain_text("Your account was blocked by curator")
        expect(notice).to_contain_text("Reason: Vandalising Room 7")
        expect(notice).to_contain_text("The block expires")
        vandal.get_by_role("link", name="your own talk page").click()
        expect(vandal).to_have_url(re.compile(r"/wiki/user:vandal/talk/$"))
    finally:
        context.close()
    assert Page.objects.get(slug="room-7").revisions.count() == 1
