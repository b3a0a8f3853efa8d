"""Undo: one revision's change taken back from the current text, later edits kept."""

import pytest

from tests.support.builders import edit_page
from tests.support.html import messages_in, parse_html
from wiki.models import Revision

BASE = "one\ntwo\nthree\nfour\nfive\n"


@pytest.fixture
def page(make_page, user):
    return make_page(title="Cell", body=BASE, author=user)


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_user("alice", password="x-long-password-1")
    )
    return client


def undo_form(client, revision):
    response = client.get(f"/wiki/cell/undo/{revision.pk}/")
    html = parse_html(response.text)
    fields = {
        name: html.select_one(f'[name="{name}"]')
        for name in ("body", "summary", "base_revision")
    }
    # A browser drops the newline that opens a textarea's content.
    return response, {
        name: (
            field.get_text().removeprefix("\n")
            if field.name == "textarea"
            else field.get("value")
        )
        for name, field in fields.items()
        if field is not None
    }


def test_undo_takes_back_one_change_and_keeps_later_ones(editor, page, user):
    vandal = edit_page(page, BASE.replace("two", "VANDAL"), author=user)
    later = edit_page(page, BASE.replace("two", "VANDAL").replace("five", "FIVE"))
    response, form = undo_form(editor, vandal)
    assert response.status_code == 200
    assert form["body"] == "one\ntwo\nthree\nfour\nFIVE\n"
    assert form["summary"] == f"Undo revision {vandal.number} by reader"
    assert form["base_revision"] == str(later.pk)
    assert Revision.objects.filter(page=page).count() == 3  # nothing saved yet


def test_saving_the_undo_is_a_normal_edit(editor, page, user):
    vandal = edit_page(page, BASE.replace("two", "VANDAL"), author=user)
    _, form = undo_form(editor, vandal)
    response = editor.post("/wiki/cell/edit/", form)
    assert response.status_code == 302
    current = Revision.objects.filter(page=page).latest("number")
    assert current.body == BASE and current.summary == form["summary"]
    assert current.author.username == "alice"


def test_undo_over_a_later_edit_of_the_same_lines_is_refused_with_the_diff(
    editor, page, user
):
    vandal = edit_page(page, BASE.replace("two", "VANDAL"), author=user)
    edit_page(page, BASE.replace("two", "REPAIRED"))
    response = editor.get(f"/wiki/cell/undo/{vandal.pk}/")
    html = parse_html(response.text)
    assert response.status_code == 409
    assert "cannot be undone automatically" in html.select_one("#undo-conflict").text
    assert "VANDAL" in html.select_one("table.diff").get_text()
    assert not html.select_one('textarea[name="body"]')


def test_undoing_a_page_creation_is_refused(editor, page):
    response = editor.get(f"/wiki/cell/undo/{page.current_revision_id}/", follow=True)
    assert response.redirect_chain[-1][0] == "/wiki/cell/history/"
    assert any("created the page" in message for message in messages_in(response))


def test_undo_needs_a_login_and_a_revision_of_that_page(client, page, make_page, user):
    later = edit_page(page, BASE + "six\n", author=user)
    response = client.get(f"/wiki/cell/undo/{later.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    other = make_page(title="Other")
    client.force_login(user)
    assert client.get(f"/wiki/other/undo/{later.pk}/").status_code == 404
    assert other.current_revision_id


def test_history_offers_undo_for_every_change_but_the_first(editor, page, user):
    edit_page(page, BASE + "six\n", author=user)
    html = parse_html(editor.get("/wiki/cell/history/").text)
    undo_links = [a["href"] for a in html.select("table.history a") if a.text == "undo"]
    second = Revision.objects.get(page=page, number=2)
    assert undo_links == [f"/wiki/cell/undo/{second.pk}/"]
