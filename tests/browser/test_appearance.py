"""Appearance for every reader, in Chromium: colours that follow the system (with or
without script) or the reader's choice, three text sizes, spoilers, print, menus that
work without script, and title suggestions in the search box."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.support.builders import create_page

pytestmark = pytest.mark.django_db(transaction=True)

DARK_BODY = "rgb(33, 37, 41)"
LIGHT_BODY = "rgb(255, 255, 255)"
# What the page's theme was when <body> first appeared: before any of it was drawn.
THEME_AT_FIRST_PAINT = """
new MutationObserver((changes, observer) => {
    if (document.body) {
        window.themeAtBody = document.documentElement.getAttribute('data-bs-theme');
        observer.disconnect();
    }
}).observe(document, {childList: true, subtree: true});
"""


@pytest.fixture
def site():
    call_command("seed", verbosity=0)


def body_background(page):
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


@pytest.mark.parametrize("script", [True, False])
def test_the_systems_dark_theme_applies_with_or_without_script(
    browser, live_server, site, script
):
    context = browser.new_context(
        base_url=live_server.url, color_scheme="dark", java_script_enabled=script
    )
    page = context.new_page()
    try:
        page.goto("/wiki/miracle-in-cell-no-7/")
        assert body_background(page) == DARK_BODY
        # The infobox and charts are drawn from the same variables.
        infobox = page.evaluate(
            "getComputedStyle(document.querySelector('.infobox')).backgroundColor"
        )
        assert infobox != LIGHT_BODY
    finally:
        context.close()


def test_a_chosen_theme_is_kept_and_applied_before_the_page_is_drawn(
    browser, live_server, site
):
    context = browser.new_context(base_url=live_server.url, color_scheme="dark")
    context.add_init_script(THEME_AT_FIRST_PAINT)
    page = context.new_page()
    try:
        page.goto("/")
        page.locator("#appearance-menu summary").click()
        page.get_by_label("Light").check()
        assert body_background(page) == LIGHT_BODY
        page.goto("/wiki/lee-yong-gu/")
        assert page.evaluate("window.themeAtBody") == "light"
        assert body_background(page) == LIGHT_BODY
        page.locator("#appearance-menu summary").click()
        expect(page.get_by_label("Light")).to_be_checked()
        page.get_by_label("Follow the system").check()
        assert body_background(page) == DARK_BODY
        page.reload()
        assert page.evaluate("window.themeAtBody") == "dark"
    finally:
        context.close()


def test_three_text_sizes_kept_in_the_browser(page, site):
    page.goto("/")
    root_size = "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    assert page.evaluate(root_size) == 16
    page.locator("#appearance-menu summary").click()
    page.get_by_label("Large").check()
    assert page.evaluate(root_size) == 20
    page.goto("/wiki/lee-yong-gu/")
    assert page.evaluate(root_size) == 20
    page.locator("#appearance-menu summary").click()
    page.get_by_label("Small").check()
    assert page.evaluate(root_size) == 14


def test_spoilers_open_with_a_click_or_always(page, site):
    page.goto("/wiki/miracle-in-cell-no-7/")
    spoiler = page.locator("details.spoiler").first
    plot = spoiler.locator("p").first
    expect(plot).to_be_hidden()
    spoiler.locator("summary").click()
    expect(plot).to_be_visible()
    page.locator("#appearance-menu summary").click()
    page.get_by_label("Always show spoilers").check()
    page.reload()
    expect(page.locator("details.spoiler p").first).to_be_visible()


def test_a_spoiler_opens_without_script(browser, live_server, site):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/wiki/miracle-in-cell-no-7/")
        expect(page.locator("#appearance-menu")).to_be_hidden()
        page.locator("details.spoiler summary").first.click()
        expect(page.locator("details.spoiler p").first).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_menus_work_without_script(browser, live_server, site, width):
    context = browser.new_context(
        base_url=live_server.url,
        java_script_enabled=False,
        viewport={"width": width, "height": 900},
    )
    page = context.new_page()
    try:
        page.goto("/wiki/lee-yong-gu/")
        expect(page.get_by_role("link", name="Log in")).to_be_visible()
        expect(page.locator("#search-sm")).to_be_visible()
        page.locator("#browse-menu summary").click()
        page.locator("#browse-menu").get_by_role("link", name="Films").click()
        expect(page).to_have_url(re.compile(r"/films/$"))
    finally:
        context.close()


def test_print_shows_the_article_without_the_sites_tools(page, site):
    page.goto("/wiki/miracle-in-cell-no-7/")
    page.emulate_media(media="print")
    for hidden in ("header", "footer", ".nav-tabs", ".toc"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".infobox")).to_be_visible()


def test_the_search_box_suggests_titles_as_one_types(page, site):
    create_page(title="Yong-gu", body="#REDIRECT [[Lee Yong-gu]]")
    page.goto("/wiki/ye-sung/")
    box = page.locator("#search-sm")
    box.fill("lee yo")
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option")).to_have_text(["Lee Yong-gu"])
    box.press("ArrowDown")
    option = listbox.get_by_role("option").first
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    box.press("Escape")
    expect(listbox).to_be_hidden()
    box.press("ArrowDown")
    expect(listbox).to_be_visible()
    box.press("ArrowDown")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/wiki/lee-yong-gu/$"))


def test_without_suggestions_the_search_box_searches(browser, live_server, site):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/wiki/ye-sung/")
        page.fill("#search-sm", "balloon")
        page.locator("#search-sm").press("Enter")
        expect(page).to_have_url(re.compile(r"/search/\?q=balloon$"))
    finally:
        context.close()
