"""Reading on every screen, measured in Chromium: nothing runs off a phone's or a
desktop's screen (at 200 % text too), the header's search box keeps its width, table
cells keep their words whole, chart text stays legible, and a phone reader meets the
article before its facts."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.support.builders import create_page
from tests.support.images import image_bytes, upload
from wiki.images import clean_image
from wiki.services.files import file_upload

pytestmark = pytest.mark.django_db(transaction=True)

PHONE, DESKTOP = 390, 1280
PAGES = [
    "/",
    "/wiki/miracle-in-cell-no-7/",
    "/wiki/lee-yong-gu/",
    "/wiki/miracle-in-cell-no-7-2019-philippine-film/",
    "/wiki/miracle-in-cell-no-7/history/",
    "/wiki/posters/",
    "/films/",
    "/remakes/",
    "/recent-changes/",
    "/search/?q=ye-sung",
    "/accounts/login/",
]
# Elements past the right edge of the screen, outside anything that scrolls on purpose
# (a wide table scrolls in its own box) or hides them (a closed menu, a screen reader's
# text).
PAST_THE_EDGE = """() => [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    if (!box.width || box.right <= window.innerWidth + 1) return false;
    if (!el.checkVisibility({visibilityProperty: true})) return false;
    for (let up = el.parentElement; up; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)
            && up !== document.body && up !== document.documentElement) return false;
    }
    return !el.closest('.visually-hidden, .skip-link');
}).map(el => `${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 30)}`)"""


def twice_the_text_size(page):
    """The browser's own text size at 200 % (its "font size" setting, WCAG 1.4.4)."""
    page.context.new_cdp_session(page).send(
        "Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}}
    )


@pytest.fixture
def reading_site():
    """The seeded site, with a page that floats a picture beside its categories."""
    call_command("seed", verbosity=0)
    image = clean_image(upload("Poster.jpg", image_bytes(size=(800, 1100))))
    file_upload(name="Poster.jpg", image=image, author=None, description="A poster")
    create_page(
        title="Posters",
        body="[[File:Poster.jpg|thumb|The poster]]\n\nShort.\n\n[[Category:Films]]",
    )


def _fits(page, path, width):
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    assert page.evaluate(PAST_THE_EDGE) == [], path


@pytest.mark.parametrize("viewport_width", [PHONE, DESKTOP])
def test_nothing_is_wider_than_the_screen(page, reading_site, viewport_width):
    for path in PAGES:
        _fits(page, path, viewport_width)


@pytest.mark.parametrize("viewport_width", [PHONE, DESKTOP])
def test_nothing_is_wider_than_the_screen_at_twice_the_text_size(
    page, reading_site, viewport_width
):
    twice_the_text_size(page)
    for path in PAGES:
        _fits(page, path, viewport_width)
        if viewport_width == PHONE:
            page.locator(".navbar-toggler").click()
            expect(page.locator("#site-nav")).to_have_class(
                re.compile(r"\bcollapse show\b")
            )
        # The header's links stay on the dark bar, where their white text is legible.
        bar = page.locator(".site-header").bounding_box()
        for link in page.locator(".site-header .nav-link:visible").all():
            box = link.bounding_box()
            assert box["y"] + box["height"] <= bar["y"] + bar["height"] + 1, path
        assert page.evaluate(PAST_THE_EDGE) == [], (path, "menu open")


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_header_search_box_keeps_its_width_on_laptops(
    page, reading_site, django_user_model, signed_in
):
    if signed_in:
        django_user_model.objects.create_superuser(
            "curator", "", "a-long-test-password"
        )
        log_in(page, "curator", "a-long-test-password")
    for width in range(992, 1401, 34):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/wiki/lee-yong-gu/")
        assert page.locator("#search-sm").bounding_box()["width"] >= 160, width
        assert page.evaluate("document.documentElement.scrollWidth") <= width, width


@pytest.mark.parametrize("viewport_width", [PHONE, DESKTOP])
def test_table_cells_never_break_inside_a_word(page, reading_site, viewport_width):
    page.goto("/wiki/miracle-in-cell-no-7/")
    broken = page.evaluate(
        """() => {
        const broken = [];
        for (const cell of document.querySelectorAll('.wiki-body td, .wiki-body th')) {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (const match of node.data.matchAll(/\\S+/g)) {
                    const range = document.createRange();
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    const boxes = [...range.getClientRects()];
                    const tops = boxes.map(r => Math.round(r.top));
                    const lines = new Set(tops);
                    // A hyphenated name may break at its hyphen, as in running text.
                    const hyphenated = match[0].includes('-');
                    if (lines.size > 1 && !hyphenated) broken.push(match[0]);
                }
            }
        }
        return broken;
    }"""
    )
    assert page.locator(".wiki-body table").count() > 0
    assert broken == []


def test_chart_text_is_never_smaller_than_12_pixels(page, reading_site):
    for width in (PHONE, 768, 992, 1100, DESKTOP, 1400):
        page.set_viewport_size({"width": width, "height": 900})
        for path in ("/", "/wiki/miracle-in-cell-no-7/"):
            page.goto(path)
            sizes = page.evaluate(
                """() => [...document.querySelectorAll('.chart text')].map(t =>
                    parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""
            )
            assert sizes, path
            assert min(sizes) >= 12, (width, path, min(sizes))


@pytest.mark.parametrize("viewport_width", [PHONE])
def test_a_phone_reader_meets_the_article_on_the_first_screen(
    page, reading_site, viewport_width
):
    for path in (
        "/wiki/miracle-in-cell-no-7/",
        "/wiki/lee-yong-gu/",
        "/wiki/miracle-in-cell-no-7-2019-philippine-film/",
    ):
        page.goto(path)
        first = page.locator(".wiki-body p").first.bounding_box()
        assert first["y"] < 844, path
        infobox = page.locator(".infobox").bounding_box()
        assert first["y"] < infobox["y"], path


@pytest.mark.parametrize("viewport_width", [PHONE])
def test_the_search_page_gives_the_query_room_on_a_phone(
    page, reading_site, viewport_width
):
    page.goto("/search/?q=ye-sung")
    assert page.locator("#search-lg").bounding_box()["width"] >= 250
    # One search box: the page's own.
    assert page.locator("input[type=search]").count() == 1


def test_the_home_page_has_one_search_box(page, reading_site):
    page.goto("/")
    expect(page.locator("input[type=search]")).to_have_count(1)


def test_the_login_page_names_the_site_not_the_host(page, reading_site):
    page.goto("/accounts/login/")
    expect(page).to_have_title("Log in · Miracle in Cell No. 7 Wiki")
    expect(page.locator(".navbar-brand")).to_have_text("Miracle in Cell No. 7 Wiki")


def test_categories_stay_clear_of_a_floated_picture(page, reading_site):
    page.goto("/wiki/posters/")
    thumb = page.locator(".thumb").bounding_box()
    categories = page.locator(".catlinks").bounding_box()
    assert categories["y"] >= thumb["y"] + thumb["height"]
