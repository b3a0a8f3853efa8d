"""Moving a page: history goes along, the old title redirects, links keep working."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import LogEntry, LogKind, Page, Revision
from wiki.services import talk_topic_add


@pytest.fixture
def mover(staff):
    return staff


@pytest.fixture
def cell(db, user):
    page = create_page(title="Cell", body="The cell of the story.", author=user)
    edit_page(page, "The cell of the story, edited.", author=user)
    create_page(title="Source", body="See [[Cell]].")
    return page


def move(client, new_title="Cell No. 7", slug="cell", reason="Its full name"):
    return client.post(
        f"/wiki/{slug}/move/", {"new_title": new_title, "reason": reason}
    )


def test_a_move_keeps_the_history_and_records_itself(mover, cell):
    response = move(mover)
    assert response.status_code == 302 and response["Location"] == "/wiki/cell-no-7/"
    moved = Page.objects.get(pk=cell.pk)
    assert (moved.slug, moved.title) == ("cell-no-7", "Cell No. 7")
    revisions = list(Revision.objects.filter(page=moved).order_by("number"))
    assert len(revisions) == 3
    assert revisions[-1].summary == "Moved from “Cell” to “Cell No. 7”: Its full name"
    assert revisions[-1].body == revisions[-2].body
    entry = LogEntry.objects.get(kind=LogKind.MOVE)
    assert entry.target == "Cell No. 7" and "from “Cell”" in entry.comment


def test_the_old_title_redirects_so_links_keep_working(mover, cell, client):
    move(mover)
    old = client.get("/wiki/cell/")
    assert old.status_code == 302
    assert old["Location"] == "/wiki/cell-no-7/?redirectedfrom=cell"
    source = parse_html(client.get("/wiki/source/").text)
    assert "wikilink-new" not in source.select_one(".wiki-body a")["class"]


def test_the_mover_is_told_which_pages_still_link_to_the_old_title(mover, cell):
    response = move(mover)
    page = mover.get(response["Location"])
    assert "1 page(s) still link to the old title" in page.text


def test_a_move_onto_an_existing_page_is_refused(mover, cell):
    create_page(title="Prison", body="Another page.")
    response = move(mover, new_title="Prison")
    assert response.status_code == 409
    assert "already exists" in parse_html(response.text).select_one("#move-form").text
    assert Page.objects.get(pk=cell.pk).slug == "cell"


def test_a_move_onto_a_mere_redirect_replaces_it(mover, cell):
    create_page(title="Cell No. 7", body="#REDIRECT [[Cell]]")
    assert move(mover).status_code == 302
    assert Page.objects.get(slug="cell-no-7").pk == cell.pk


def test_the_talk_page_moves_with_its_page(mover, cell, user):
    talk_topic_add(page=cell, subject="Name", message="Longer?", author=user)
    move(mover)
    talk = Page.objects.get(slug="cell-no-7/talk")
    assert talk.title == "Talk:Cell No. 7" and "Longer?" in talk.current_revision.body


def test_moving_needs_the_right(client, cell, user, django_user_model):
    client.force_login(user)  # a new account, with two edits
    assert move(client).status_code == 403
    user.date_joined = timezone.now() - timedelta(days=30)
    user.save()
    for n in range(10):
        create_page(title=f"Edit {n}", body="x", author=user)
    assert move(client).status_code == 302


def test_an_edit_made_before_a_move_is_not_lost(mover, cell, client, user):
    base = Page.objects.get(pk=cell.pk).current_revision_id
    move(mover)
    client.force_login(user)
    response = client.post(
        "/wiki/cell/edit/", {"body": "My careful edit.", "base_revision": base}
    )
    assert response.status_code == 409  # the old title is now a redirect
    body = parse_html(response.text).select_one('textarea[name="body"]').text
    assert "My careful edit." in body
