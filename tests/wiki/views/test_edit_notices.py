"""What the edit form tells an editor besides the text: the changes made so far, an
old revision being edited, the page's protection, its talk page."""

import pytest
from django.urls import reverse

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import Page, ProtectionLevel
from wiki.services import page_protect


@pytest.fixture
def page(db):
    page = create_page(title="Film", body="one\ntwo\nthree\n")
    edit_page(page, "one\ntwo\nthree\nfour\n")
    return Page.objects.get(pk=page.pk)


EDIT = reverse("wiki:edit", args=["film"])


def test_show_changes_diffs_the_form_against_its_base_and_saves_nothing(editor, page):
    data = {
        "body": "one\n2\nthree\nfour\n",
        "base_revision": page.current_revision_id,
        "diff": "",
    }
    response = editor.post(EDIT, data)
    assert response.status_code == 200
    soup = parse_html(response.text)
    changes = soup.select_one("#changes")
    assert [
        r.select_one(".diff-text").text for r in changes.select(".diff-removed")
    ] == ["two"]
    assert [r.select_one(".diff-text").text for r in changes.select(".diff-added")] == [
        "2"
    ]
    assert soup.select_one("textarea[name=body]").text.strip() == "one\n2\nthree\nfour"
    assert page.revisions.count() == 2


def test_show_changes_of_an_unchanged_text_says_so(editor, page):
    data = {
        "body": "one\ntwo\nthree\nfour\n",
        "base_revision": page.current_revision_id,
    }
    response = editor.post(EDIT, {**data, "diff": ""})
    assert parse_html(response.text).select_one("#no-changes")


def test_show_changes_of_a_section_shows_it_in_the_whole_text(editor, db):
    create_page(title="Sections", body="Lead.\n\n## A\n\nx\n\n## B\n\ny\n")
    page = Page.objects.get(slug="sections")
    data = {
        "body": "## B\n\nz",
        "section": 2,
        "base_revision": page.current_revision_id,
        "diff": "",
    }
    soup = parse_html(editor.post(reverse("wiki:edit", args=["sections"]), data).text)
    removed = [r.select_one(".diff-text").text for r in soup.select(".diff-removed")]
    assert removed == ["y"] and soup.select(".diff-added .diff-text")[0].text == "z"


def test_editing_an_old_revision_warns_that_saving_takes_back_later_edits(editor, page):
    first = page.revisions.get(number=1)
    soup = parse_html(editor.get(f"{EDIT}?oldid={first.pk}").text)
    assert "every change made since is taken back" in soup.select_one(
        "#old-revision-notice"
    ).get_text(" ", strip=True)
    assert soup.select_one("textarea[name=body]").text.strip() == "one\ntwo\nthree"
    base = soup.select_one("input[name=base_revision]")["value"]
    assert base == str(page.current_revision_id)
    old_page = parse_html(editor.get(first.get_absolute_url()).text)
    assert (
        old_page.select_one("#edit-old-revision")["href"] == f"{EDIT}?oldid={first.pk}"
    )


@pytest.mark.parametrize("oldid", ["x", "9" * 30, "0", "123456"])
def test_a_bad_old_revision_gives_the_current_text(editor, page, oldid):
    soup = parse_html(editor.get(f"{EDIT}?oldid={oldid}").text)
    assert not soup.select("#old-revision-notice")
    assert soup.select_one("textarea[name=body]").text.strip().endswith("four")


def test_a_protected_page_tells_those_who_may_edit_it(staff, page):
    page_protect(page=page, edit=ProtectionLevel.FULL, move="", reason="Vandalism")
    notice = parse_html(staff.get(EDIT).text).select_one("#protected-edit-notice")
    assert "Vandalism" in notice.text and "Your rights let you edit it" in notice.text
    page_protect(page=page, edit="", move="", reason="")
    assert not parse_html(staff.get(EDIT).text).select("#protected-edit-notice")


def test_the_form_links_the_pages_talk_page(editor, page):
    link = parse_html(editor.get(EDIT).text).select_one("#talk-notice a")
    assert link["href"] == page.get_talk_url()
