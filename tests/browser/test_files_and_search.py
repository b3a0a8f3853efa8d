"""A person's round trip: upload an image, embed it in a page, find it by search."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.builders import create_page
from tests.support.images import image_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def test_upload_embed_and_search(logged_in, tmp_path):
    poster = tmp_path / "Poster.jpg"
    poster.write_bytes(image_bytes(size=(1000, 1400), gps=True))
    browser = logged_in

    browser.goto("/files/upload/")
    browser.set_input_files("input[name=file]", str(poster))
    browser.fill("textarea[name=description]", "The Korean poster.")
    browser.locator("#content").get_by_role("button", name="Upload").click()
    expect(browser).to_have_url(re.compile(r"/files/Poster\.jpg/$"))
    expect(browser.locator("h1")).to_have_text("File:Poster.jpg")

    body = "[[File:Poster.jpg|thumb|The Korean poster]]\n\nHangul: 7번방의 선물"
    create_page(title="Posters", body=body)
    browser.goto("/wiki/posters/")
    image = browser.locator(".thumb img")
    expect(image).to_have_attribute("width", "320")
    # The image loads after the page does (it is lazy): wait for it, then read its size.
    natural_width = browser.wait_for_function(
        "() => { const img = document.querySelector('.thumb img');"
        " return img.complete && img.naturalWidth; }"
    ).json_value()
    assert natural_width == 320
    expect(browser.locator(".thumb-caption")).to_have_text("The Korean poster")

    browser.fill("#search-sm", "7번방의")
    browser.locator("header").get_by_role("button", name="Search").click()
    expect(browser.locator(".search-results a").first).to_have_text("Posters")
    expect(browser.locator(".search-snippet mark").first).to_have_text("7번방의")


def test_follow_a_page_to_its_category(page):
    create_page(title="Pushpaka Vimana", body="Kannada. [[Category:Remakes]]")
    create_page(title="7. Koğuştaki Mucize", body="Turkish. [[Category:Remakes]]")
    page.goto("/wiki/pushpaka-vimana/")
    page.locator(".catlinks").get_by_role("link", name="Remakes").click()
    expect(page).to_have_url(re.compile(r"/categories/remakes/$"))
    expect(page.locator(".category-members li")).to_have_count(2)
    expect(page.locator("#no-category-text")).to_be_visible()
