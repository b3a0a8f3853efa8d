"""The edit form's scripts in a browser, under the site's policy (no violation may
reach the console): the live preview, link suggestions, the toolbar, drafts, section
editing and comparing revisions."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.builders import create_page, edit_page
from tests.support.servers import wait_until
from wiki.models import Page

pytestmark = pytest.mark.django_db(transaction=True)

BODY = "Lead.\n\n## Plot\n\nThe story.\n\n## Cast\n\nThe actors.\n"


@pytest.fixture
def film(db):
    create_page(title="Lee Yong-gu", body="A father.")
    create_page(title="Yong-gu", body="#REDIRECT [[Lee Yong-gu]]")
    return create_page(title="Film", body=BODY)


def wait_for_drafts(browser, ready):
    """Wait until the drafts kept in the browser's storage are as `ready` wants."""
    wait_until(
        lambda: ready(
            [k for k in browser.evaluate("Object.keys(localStorage)") if "draft" in k]
        )
    )


def text_now():
    return Page.objects.get(slug="film").current_revision.body


@pytest.mark.parametrize("viewport_width", [390, 1280])
def test_the_live_preview_follows_the_typing(logged_in, film, viewport_width):
    browser = logged_in
    browser.goto("/wiki/film/edit/")
    preview = browser.locator("#live-preview")
    expect(preview.locator("h2#plot")).to_have_text("Plot")
    body = browser.locator("textarea[name=body]")
    body.fill("See [[Lee Yong-gu]] and [[Nobody here]].[^1]\n\n[^1]: A source.\n")
    expect(preview.locator("a.wikilink:not(.wikilink-new)")).to_have_text("Lee Yong-gu")
    expect(preview.locator("a.wikilink-new")).to_have_text("Nobody here")
    expect(preview.locator("section.footnotes")).to_have_count(1)
    form, shown = body.bounding_box(), preview.bounding_box()
    if viewport_width >= 992:
        assert shown["x"] > form["x"] + form["width"] - 1  # beside the form
    else:
        assert shown["y"] > form["y"] + form["height"]  # under it
    assert text_now() == BODY  # nothing saved


@pytest.mark.parametrize("viewport_width", [390, 1280])
def test_link_suggestions_are_a_keyboard_combobox_that_inserts_the_link(
    logged_in, film, viewport_width
):
    browser = logged_in
    browser.goto("/wiki/film/edit/")
    body = browser.locator("textarea[name=body]")
    body.fill("")
    body.press_sequentially("Father: [[yong")
    options = browser.locator("#id_body-suggestions [role=option]")
    expect(options).to_have_count(1)
    expect(body).to_have_attribute("aria-controls", "id_body-suggestions")
    body.fill("")
    body.press_sequentially("Father: [[")
    body.press_sequentially("Y")
    expect(options.first).to_contain_text("Yong-gu")
    expect(options.first).to_contain_text("→ Lee Yong-gu")  # a redirect, named
    expect(browser.locator("#id_body-suggestions")).to_be_visible()
    body.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    active = body.get_attribute("aria-activedescendant")
    assert active == options.first.get_attribute("id")
    body.press("Enter")
    expect(body).to_have_value("Father: [[Yong-gu]]")
    expect(browser.locator("#id_body-suggestions")).to_be_hidden()
    body.press_sequentially(" [[Lee")
    expect(options.first).to_have_text("Lee Yong-gu")
    listed, edge = (
        browser.locator("#id_body-suggestions").bounding_box(),
        body.bounding_box(),
    )
    assert listed["x"] + listed["width"] <= edge["x"] + edge["width"] + 1
    body.press("Escape")
    expect(browser.locator("#id_body-suggestions")).to_be_hidden()
    expect(body).to_be_focused()


def test_the_toolbar_and_its_shortcuts_format_the_selection(logged_in, film):
    browser = logged_in
    browser.goto("/wiki/film/edit/")
    body = browser.locator("textarea[name=body]")
    body.fill("word")
    body.press("Control+a")
    body.press("Control+b")
    expect(body).to_have_value("**word**")
    toolbar = browser.get_by_role("toolbar")
    toolbar.get_by_role("button", name="Italic").click()
    expect(body).to_have_value("***word***")
    body.fill("x")
    toolbar.get_by_role("button", name="Footnote").click()
    expect(body).to_have_value("x[^1]\n\n[^1]: ")
    # One Tab stop; the arrows move along the toolbar.
    buttons = toolbar.get_by_role("button")
    buttons.first.focus()
    browser.keyboard.press("ArrowRight")
    expect(buttons.nth(1)).to_be_focused()
    browser.keyboard.press("End")
    expect(buttons.last).to_be_focused()
    assert [buttons.nth(n).get_attribute("tabindex") for n in (0, 1)] == ["-1", "-1"]
    assert browser.locator("button[name=save]").get_attribute("accesskey") == "s"
    assert browser.locator("button[name=preview]").get_attribute("accesskey") == "p"


def test_a_draft_survives_a_closed_tab_and_goes_once_saved(logged_in, film):
    browser = logged_in
    browser.goto("/wiki/film/edit/")
    body = browser.locator("textarea[name=body]")
    body.fill(BODY + "\nMy unsaved words.\n")
    wait_for_drafts(
        browser, lambda keys: any(k.startswith("wiki-draft:film:") for k in keys)
    )
    browser.goto("about:blank")  # the tab is gone; so is what was typed
    browser.goto("/wiki/film/edit/")
    expect(body).to_have_value(BODY)
    browser.locator("#draft-restore").click()
    expect(body).to_have_value(BODY + "\nMy unsaved words.\n")
    browser.locator("button[name=save]").click()
    expect(browser).to_have_url(re.compile(r"/wiki/film/$"))
    assert text_now().endswith("My unsaved words.\n")
    wait_for_drafts(browser, lambda keys: not keys)
    browser.goto("/wiki/film/edit/")
    expect(browser.locator("#draft-notice")).to_have_count(0)


def test_leaving_a_changed_form_asks_first(logged_in, film):
    browser = logged_in
    browser.goto("/wiki/film/edit/")
    browser.locator("textarea[name=body]").fill("Changed.")
    asked = []
    browser.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    browser.locator("textarea[name=body]").click()  # a user gesture, as browsers want
    browser.get_by_role("link", name="Cancel").click()
    expect(browser).to_have_url(re.compile(r"/wiki/film/edit/$"))
    assert asked == ["beforeunload"]


def test_a_section_is_edited_from_its_link_and_saved_into_the_page(logged_in, film):
    browser = logged_in
    browser.goto("/wiki/film/")
    browser.get_by_role("link", name="edit section: Cast").click()
    body = browser.locator("textarea[name=body]")
    expect(body).to_have_value("## Cast\n\nThe actors.")
    expect(browser.locator("input[name=summary]")).to_have_value("/* Cast */ ")
    edit_page(film, BODY.replace("The story.", "The story, retold."))
    body.fill("## Cast\n\nThe players.")
    browser.locator("button[name=save]").click()
    expect(browser.locator(".alert-success")).to_contain_text("merged")
    assert "The story, retold." in text_now() and "The players." in text_now()
    browser.goto("/wiki/film/history/")
    expect(browser.locator("table.history a.section-link").first).to_have_text("→Cast")


def test_any_two_revisions_are_compared_from_the_history(page, film):
    edit_page(film, BODY + "Two.\n")
    edit_page(film, BODY + "Two.\nThree.\n")
    page.goto("/wiki/film/history/")
    rows = page.locator("table.history tbody tr")
    rows.nth(2).locator("input[name=oldid]").check()
    page.get_by_role("button", name="Compare selected revisions").click()
    expect(page).to_have_url(re.compile(r"/wiki/film/diff/\d+/\d+/$"))
    expect(page.locator(".diff-added .diff-text")).to_have_text(["Two.", "Three."])
    page.go_back()
    rows.nth(1).locator("input[name=diff]").check()
    page.get_by_role("button", name="Compare selected revisions").click()
    expect(page.locator(".diff-added .diff-text")).to_have_text(["Two."])
    page.get_by_role("link", name="Newer edit").click()
    expect(page.locator("#diff-old")).to_contain_text("Revision #2")
    expect(page.locator("#diff-new")).to_contain_text("Revision #3")


def test_without_script_the_form_is_the_plain_form_and_preview_still_works(
    browser, live_server, film, django_user_model
):
    django_user_model.objects.create_user("plain", password="balloon-over-the-wall-7")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/accounts/login/")
        page.fill("input[name=username]", "plain")
        page.fill("input[name=password]", "balloon-over-the-wall-7")
        page.locator("#content").get_by_role("button", name="Log in").click()
        page.goto("/wiki/film/edit/?section=2")
        expect(page.get_by_role("toolbar")).to_have_count(0)
        expect(page.locator("#live-preview")).to_be_hidden()
        page.locator("textarea[name=body]").fill("## Cast\n\nThe **players**.")
        page.get_by_role("button", name="Preview").click()
        expect(page.locator("#preview strong")).to_have_text("players")
        page.get_by_role("button", name="Show changes").click()
        expect(page.locator("#changes .diff-added .diff-text")).to_have_text(
            "The **players**."
        )
        page.get_by_role("button", name="Save").click()
        expect(page).to_have_url(re.compile(r"/wiki/film/$"))
        assert "The **players**." in text_now() and "## Plot" in text_now()
    finally:
        context.close()
