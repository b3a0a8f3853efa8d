"""The interface in other languages, in Chromium: the language menu works without
script, Korean and Turkish fit a phone's width, and axe-core finds every page's
languages marked and valid."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)
PAGE_TYPES = [
    "/",
    "/wiki/miracle-in-cell-no-7/",
    "/wiki/lee-yong-gu/",
    "/wiki/miracle-in-cell-no-7/history/",
    "/wiki/miracle-in-cell-no-7/talk/",
    "/films/",
    "/remakes/",
    "/recent-changes/",
    "/search/?q=prison",
    "/categories/",
    "/log/",
    "/maintenance/",
    "/accounts/login/",
    "/accounts/signup/",
    "/wiki/no-such-page-here/",
]
LANGUAGE_RULES = {
    "runOnly": {
        "type": "rule",
        "values": ["html-has-lang", "html-lang-valid", "valid-lang"],
    }
}
# Text that does not fit its box (wider than it, or past the screen's edge), and
# not inside something that scrolls or clips on purpose (a wide table, a label for
# screen readers only).
OVERFLOWING = """() => [...document.querySelectorAll(
    'header a, header button, header summary, main h1, main h2, main a.btn, '
    + 'main button, main label, main th, .nav-link, .badge, .page-link, footer div'
  )].filter(el => !el.closest('.table-responsive, .wiki-body table, '
                              + '.visually-hidden, .text-truncate')
                 && el.offsetParent !== null
                 && (el.scrollWidth > el.clientWidth + 1
                     || el.getBoundingClientRect().right > window.innerWidth + 1))
   .map(el => el.tagName + ': ' + el.textContent.trim().slice(0, 40))"""


@pytest.fixture
def seeded_site():
    call_command("seed", verbosity=0)


def prefix(code):
    return "" if code == settings.LANGUAGE_CODE else f"/{code}"


def test_the_language_menu_leads_to_the_same_page_without_script(
    browser, live_server, seeded_site
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/wiki/miracle-in-cell-no-7/")
        page.locator("#language-menu summary").click()
        page.locator("#language-menu").get_by_role("link", name="Türkçe").click()
        expect(page).to_have_url(f"{live_server.url}/tr/wiki/miracle-in-cell-no-7/")
        assert page.locator("html").get_attribute("lang") == "tr"
        expect(page.locator("#content")).to_contain_text("Değiştir")
    finally:
        context.close()


@pytest.mark.parametrize("code", ["ko", "tr"])
@pytest.mark.parametrize("viewport_width", [390])
def test_korean_and_turkish_fit_a_phone(page, seeded_site, code, viewport_width):
    page.set_viewport_size({"width": viewport_width, "height": 800})
    for path in PAGE_TYPES:
        page.goto(prefix(code) + path)
        assert page.locator("html").get_attribute("lang") == code
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport_width, (path, width)
        assert page.evaluate(OVERFLOWING) == [], path
        page.locator(".navbar-toggler").click()
        expect(page.locator("#site-nav")).to_be_visible()
        assert page.evaluate(OVERFLOWING) == [], (path, "menu open")


def test_axe_finds_every_language_marked(page, seeded_site):
    axe = Axe()
    for code, _ in settings.LANGUAGES:
        for path in PAGE_TYPES:
            page.goto(prefix(code) + path)
            results = axe.run(page, options=LANGUAGE_RULES)
            assert results.violations_count == 0, (
                code,
                path,
                results.generate_snapshot(),
            )


def test_a_korean_browser_is_offered_the_page_in_korean(
    browser, live_server, seeded_site
):
    """The offer is made in the browser, from its languages: the page served is the
    same for every reader of an address."""
    context = browser.new_context(base_url=live_server.url, locale="ko-KR")
    page = context.new_page()
    try:
        page.goto("/wiki/miracle-in-cell-no-7/")
        offer = page.locator("#language-suggestion")
        expect(offer).to_have_attribute("lang", "ko")
        link = offer.get_by_role("link", name="이 페이지를 한국어로 보기")
        expect(link).to_have_attribute("href", "/ko/wiki/miracle-in-cell-no-7/")
        results = Axe().run(page, context="#language-suggestion")
        assert results.violations_count == 0, results.generate_snapshot()
        link.click()
        expect(page).to_have_url(f"{live_server.url}/ko/wiki/miracle-in-cell-no-7/")
        expect(page.locator("#language-suggestion")).to_have_count(0)
        page.goto("/films/")
        page.locator("#language-suggestion").get_by_role("button", name="닫기").click()
        expect(page.locator("#language-suggestion")).to_have_count(0)
        page.reload()
        expect(page.locator("#content h1")).to_be_visible()
        expect(page.locator("#language-suggestion")).to_have_count(0)
    finally:
        context.close()


@pytest.mark.parametrize("locale", ["en-GB", "fr-FR", "en-US"])
def test_no_offer_where_the_browser_prefers_english_or_no_language_of_the_site(
    browser, live_server, seeded_site, locale
):
    context = browser.new_context(base_url=live_server.url, locale=locale)
    page = context.new_page()
    try:
        page.goto("/")
        expect(page.locator("#content h1").first).to_be_visible()
        expect(page.locator("#language-suggestion")).to_have_count(0)
    finally:
        context.close()
