"""WCAG 2.2 AA on every kind of page, logged out and logged in, on a phone and a
desktop: axe-core finds no violation, html-validate no error, and a keyboard reader
gets a skip link, a visible focus ring and the article before the infobox."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command

from tests.browser.conftest import log_in
from tests.support.builders import create_page
from tests.support.images import image_bytes, upload
from wiki.images import clean_image
from wiki.models import Page, Revision
from wiki.services.files import file_upload
from wiki.services.pages import page_save
from wiki.services.talk import talk_topic_add

pytestmark = pytest.mark.django_db(transaction=True)

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
HTML_VALIDATE = NODE_MODULES / ".bin" / "html-validate"
WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    }
}
READER_PAGES = [
    "/",
    "/films/",
    "/characters/",
    "/actors/",
    "/remakes/",
    "/wiki/",
    "/wiki/miracle-in-cell-no-7/",
    "/wiki/lee-yong-gu/",
    "/wiki/ryu-seung-ryong/",
    "/wiki/miracle-in-cell-no-7-2019-philippine-film/",
    "/ko/wiki/miracle-in-cell-no-7/",
    "/wiki/miracle-in-cell-no-7/history/",
    "/wiki/miracle-in-cell-no-7/revisions/{first}/",
    "/wiki/miracle-in-cell-no-7/diff/{first}/{second}/",
    "/wiki/miracle-in-cell-no-7/talk/",
    "/wiki/miracle-in-cell-no-7/talk/history/",
    "/wiki/miracle-in-cell-no-7/links-here/",
    "/wiki/miracle-in-cell-no-7/data-history/",
    "/wiki/no-such-page-here/",
    "/recent-changes/",
    "/kn/recent-changes/",
    "/new-pages/",
    "/users/reader/",
    "/users/reader/contributions/",
    "/search/?q=prison",
    "/categories/",
    "/categories/films/",
    "/maintenance/",
    "/maintenance/outdated-translations/",
    "/log/",
    "/files/",
    "/files/Poster.jpg/",
    "/protected/",
    "/blocks/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password_reset/",
    "/api/docs/",
]
EDITOR_PAGES = [
    "/",
    "/wiki/miracle-in-cell-no-7/",
    "/wiki/miracle-in-cell-no-7/edit/",
    "/wiki/miracle-in-cell-no-7/edit/?section=2",
    "/wiki/miracle-in-cell-no-7/edit/?oldid={first}",
    "/wiki/miracle-in-cell-no-7/translate/",
    "/wiki/miracle-in-cell-no-7/undo/{second}/",
    "/wiki/miracle-in-cell-no-7/talk/edit/",
    "/wiki/miracle-in-cell-no-7/talk/",
    "/wiki/miracle-in-cell-no-7/history/",
    "/watchlist/",
    "/watchlist/edit/",
    "/notifications/",
    "/accounts/settings/",
    "/files/upload/",
    "/wiki/a-page-to-write/edit/",
]
STAFF_PAGES = [
    "/wiki/miracle-in-cell-no-7/move/",
    "/wiki/miracle-in-cell-no-7/protect/",
    "/wiki/sandbox/delete/",
    "/block/",
    "/deleted/",
    "/users/reader/remove-contributions/",
    "/admin/",
    "/admin/wiki/page/",
    "/admin/wiki/page/{page}/change/",
    "/admin/films/film/",
    "/admin/films/film/1/change/",
    "/admin/films/character/1/change/",
]


@pytest.fixture
def page(browser, live_server, viewport_width):
    """A page for axe-core, which inserts a <style> element of its own while it checks
    some pages: the site's policy (rightly) blocks it, so these pages are opened with
    the policy set aside. Every other browser test keeps it (tests/browser/conftest.py).
    """
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": viewport_width, "height": 900},
        bypass_csp=True,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="module")
def axe():
    """axe-core from node_modules (the version package.json names), or the copy that
    axe-playwright-python carries where npm has not installed it."""
    return Axe.from_file(AXE_SCRIPT) if AXE_SCRIPT.exists() else Axe()


@pytest.fixture
def site(django_user_model):
    """The seeded site with some of everything a reader meets: an edited article, a
    talk topic, a user with contributions."""
    call_command("seed", verbosity=0)
    reader = django_user_model.objects.create_user(
        "reader", password="a-long-password-7"
    )
    film = Page.objects.get(slug="miracle-in-cell-no-7")
    create_page(title="Sandbox", body="Trying [[Lee Yong-gu]] out.", author=reader)
    image = clean_image(upload("Poster.jpg", image_bytes(size=(800, 1100))))
    file_upload(name="Poster.jpg", image=image, author=reader, description="A poster")
    talk_topic_add(page=film, subject="Ending", message="Which ending?", author=reader)
    revisions = Revision.objects.filter(page=film).order_by("number")
    first = revisions.first()
    page_save(
        slug=film.slug,
        title=film.title,
        body=first.body + "\n\nOne more line.",
        author=reader,
        summary="A line",
        base_revision_id=first.pk,
    )
    second = Revision.objects.filter(page=film).order_by("number").last()
    return {"first": first.pk, "second": second.pk, "page": film.pk}


def _violations(axe, page, path):
    if path.startswith("/api/docs/"):
        page.wait_for_selector(".opblock")
    results = axe.run(page, options=WCAG_AA)
    return [
        (violation["id"], [node["target"] for node in violation["nodes"][:3]])
        for violation in results.response["violations"]
    ]


def _check_pages(axe, page, paths, site):
    found = {}
    for path in paths:
        address = path.format(**site)
        page.goto(address)
        violations = _violations(axe, page, address)
        if violations:
            found[address] = violations
    assert found == {}


@pytest.mark.parametrize("viewport_width", [390, 1280])
def test_axe_finds_nothing_for_a_reader(page, axe, site, viewport_width):
    _check_pages(axe, page, READER_PAGES, site)


@pytest.mark.parametrize("viewport_width", [390, 1280])
def test_axe_finds_nothing_for_an_editor(page, axe, site, viewport_width):
    log_in(page, "reader", "a-long-password-7")
    _check_pages(axe, page, EDITOR_PAGES, site)


@pytest.mark.parametrize("viewport_width", [390, 1280])
def test_axe_finds_nothing_for_staff(page, axe, site, staff_user, viewport_width):
    log_in(page, "curator", "a-long-test-password")
    _check_pages(axe, page, STAFF_PAGES, site)


@pytest.mark.parametrize("viewport_width", [390, 1280])
def test_axe_finds_nothing_in_the_edit_forms_helpers(page, axe, site, viewport_width):
    """The toolbar, the live preview, an open list of link suggestions and the offer
    of a draft, as the scripts draw them."""
    log_in(page, "reader", "a-long-password-7")
    page.goto("/wiki/miracle-in-cell-no-7/edit/")
    body = page.locator("textarea[name=body]")
    body.press("End")
    body.press_sequentially(" [[Lee")
    page.wait_for_selector("#id_body-suggestions [role=option]")
    page.wait_for_selector("#live-preview h2")
    body.press("ArrowDown")
    assert _violations(axe, page, "edit") == []
    page.goto("/wiki/miracle-in-cell-no-7/edit/")  # the draft is offered back
    page.wait_for_selector("#draft-notice")
    assert _violations(axe, page, "edit") == []


def test_axe_finds_nothing_in_the_dark_theme(browser, live_server, axe, site):
    context = browser.new_context(
        base_url=live_server.url, color_scheme="dark", bypass_csp=True
    )
    page = context.new_page()
    try:
        for path in READER_PAGES[:10]:
            page.goto(path.format(**site))
            assert page.evaluate("document.documentElement.dataset.bsTheme") == "dark"
            assert _violations(axe, page, path) == [], path
    finally:
        context.close()


@pytest.mark.skipif(
    not HTML_VALIDATE.exists(), reason="npm has not installed html-validate"
)
@pytest.mark.parametrize("who", ["reader", "editor"])
def test_html_validate_finds_no_error(page, site, tmp_path, who):
    paths = READER_PAGES
    if who == "editor":
        log_in(page, "reader", "a-long-password-7")
        paths = EDITOR_PAGES
    for number, path in enumerate(paths):
        response = page.goto(path.format(**site))
        (tmp_path / f"{number:02d}.html").write_text(response.text())
    checked = subprocess.run(
        [
            shutil.which("node") or "node",
            HTML_VALIDATE,
            "--config",
            Path(settings.BASE_DIR) / ".htmlvalidate.json",
            "--formatter",
            f"json={tmp_path / 'report.json'}",
            *sorted(tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    errors = [
        (
            paths[int(Path(result["filePath"]).stem)],
            message["ruleId"],
            message["message"],
        )
        for result in json.loads((tmp_path / "report.json").read_text() or "[]")
        for message in result["messages"]
    ]
    assert errors == []
    assert checked.returncode == 0, checked.stderr


def test_the_first_tab_stop_skips_to_the_content(page, site):
    page.goto("/wiki/miracle-in-cell-no-7/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.get_attribute("href") == "#content"
    assert skip.is_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_the_keyboard_reaches_the_article_before_the_infobox(page, site):
    page.goto("/wiki/miracle-in-cell-no-7/")
    page.locator("#content").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        where = page.evaluate(
            "document.activeElement.closest('.infobox') ? 'infobox'"
            " : document.activeElement.closest('.wiki-body') ? 'article' : ''"
        )
        if where:
            break
    assert where == "article"


def _luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(first, second):
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _rgb(css):
    return [
        int(float(part))
        for part in css[css.index("(") + 1 : css.index(")")].split(",")[:3]
    ]


@pytest.mark.parametrize(
    "selector, background",
    [
        (".site-header .nav-link", ".site-header"),
        (".nav-tabs .nav-link:not(.active)", "body"),
        (".wiki-body a.wikilink", "body"),
    ],
)
def test_focus_rings_stand_out_three_to_one(page, site, selector, background):
    page.goto("/wiki/miracle-in-cell-no-7/")
    target = page.locator(selector).first
    target.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focused from the keyboard: :focus-visible
    ring = page.evaluate(
        "el => { const s = getComputedStyle(el);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }",
        target.element_handle(),
    )
    behind = page.evaluate(
        f"getComputedStyle(document.querySelector({background!r})).backgroundColor"
    )
    assert ring[0] != "none" and ring[1] >= 2
    assert _contrast(_rgb(ring[2]), _rgb(behind)) >= 3
