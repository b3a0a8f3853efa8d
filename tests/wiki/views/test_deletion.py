"""Delete a page with a reason, history kept; restore it from /deleted/."""

import pytest
from django.urls import reverse

from tests.support.builders import create_page
from tests.support.html import messages_in, parse_html
from wiki.models import LogEntry, LogKind, Page, Revision
from wiki.services import talk_topic_add


@pytest.fixture
def target(db, user):
    page = create_page(title="Target", body="The balloon page.", author=user)
    create_page(title="Source", body="See [[Target]].")
    talk_topic_add(page=page, subject="Keep?", message="Why?", author=user)
    return page


def search(client, q):
    return [
        hit.page.title for hit in client.get("/search/", {"q": q}).context["page_obj"]
    ]


def delete(client, slug="target", reason="Off topic"):
    return client.post(f"/wiki/{slug}/delete/", {"reason": reason})


def test_a_deleted_page_leaves_lists_search_and_links_but_keeps_its_history(
    staff, target, run_jobs
):
    revisions = Revision.objects.filter(page=target).count()
    assert delete(staff).status_code == 302
    assert staff.get("/wiki/target/").status_code == 404
    assert staff.get("/wiki/target/talk/").status_code == 404
    assert "Target" not in staff.get("/wiki/").text
    assert search(staff, "balloon") == []
    run_jobs()
    assert "wikilink-new" in staff.get("/wiki/source/").text
    assert Revision.objects.filter(page=target).count() == revisions
    entry = LogEntry.objects.get(kind=LogKind.DELETE)
    assert (entry.target, entry.comment) == ("Target", "Off topic")


def test_staff_restore_a_page_with_its_whole_history(staff, target):
    delete(staff)
    html = parse_html(staff.get("/deleted/").text)
    rows = html.select("table.deleted-pages tbody tr")
    titles = [row.td.get_text(" ", strip=True).split(" /wiki/")[0] for row in rows]
    assert titles == ["Target", "Talk:Target"]  # deleted together, page first
    row = rows[0]
    assert "Off topic" in row.text
    response = staff.post(row.form["action"])
    assert response.status_code == 302 and response["Location"] == "/wiki/target/"
    assert staff.get("/wiki/target/").status_code == 200
    assert "Why?" in staff.get("/wiki/target/talk/").text
    assert search(staff, "balloon") == ["Target"]
    assert "wikilink-new" not in staff.get("/wiki/source/").text
    history = parse_html(staff.get("/wiki/target/history/").text)
    assert len(history.select("table.history tbody tr")) == 1
    assert LogEntry.objects.filter(kind=LogKind.RESTORE, target="Target").exists()


def test_restoring_onto_a_title_taken_meanwhile_is_refused(staff, target):
    delete(staff)
    create_page(title="Target", body="A new page at the old address.")
    deleted = Page.objects.deleted().get(deleted_slug="target")
    response = staff.post(reverse("wiki:restore", args=[deleted.pk]), follow=True)
    assert any("created at /wiki/target/ since" in m for m in messages_in(response))
    assert Page.objects.get(slug="target").current_revision.body.startswith("A new")


def test_only_staff_delete_and_see_deleted_pages(client, target, user):
    client.force_login(user)
    assert delete(client).status_code == 302  # to the admin login
    assert Page.objects.live().filter(slug="target").exists()
    assert client.get("/deleted/").status_code == 302
    assert "Delete" not in [
        a.text for a in parse_html(client.get("/wiki/target/").text).select(".nav a")
    ]


def test_a_deletion_needs_a_reason(staff, target):
    assert delete(staff, reason="").status_code == 400
    assert Page.objects.live().filter(slug="target").exists()


def test_a_talk_page_is_restored_only_after_its_page(staff, target):
    delete(staff)
    talk = Page.objects.deleted().get(deleted_slug="target/talk")
    response = staff.post(reverse("wiki:restore", args=[talk.pk]), follow=True)
    assert any("page this talk page belongs to" in m for m in messages_in(response))
    assert not Page.objects.filter(slug="target/talk").exists()
