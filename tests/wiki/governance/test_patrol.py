"""Patrol: a stranger's edits wait for a patroller, who marks them checked from the
diff or from the new pages; recent changes shows the mark and filters by it."""

import pytest

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import LogEntry, LogKind, Revision


@pytest.fixture
def stranger_page(newcomer):
    return create_page(title="Cell", body="A newcomer's page.", author=newcomer)


def test_only_strangers_edits_wait_to_be_patrolled(newcomer, regular, patroller):
    strangers = create_page(title="One", body="text", author=newcomer)
    trusted = create_page(title="Two", body="text", author=regular)
    patrollers = create_page(title="Three", body="text", author=patroller)
    wikis = create_page(title="Four", body="text", author=None)
    assert not strangers.current_revision.patrolled
    assert trusted.current_revision.patrolled
    assert patrollers.current_revision.patrolled
    assert wikis.current_revision.patrolled
    assert not edit_page(trusted, "more", author=newcomer).patrolled


def test_a_patroller_marks_a_revision_patrolled_from_its_diff(
    client, patroller, newcomer, stranger_page
):
    revision = edit_page(stranger_page, "Changed by the newcomer.", author=newcomer)
    client.force_login(patroller)
    diff_url = f"/wiki/cell/diff/{revision.previous_id}/{revision.pk}/"
    [form] = parse_html(client.get(diff_url).text).select("form.patrol-form")
    assert form["action"] == f"/wiki/cell/patrol/{revision.pk}/"
    response = client.post(form["action"], {"next": diff_url})
    assert response.status_code == 302 and response.url == diff_url
    assert Revision.objects.get(pk=revision.pk).patrolled
    entry = LogEntry.objects.get(kind=LogKind.PATROL)
    assert (entry.actor, entry.target) == (patroller, "Cell")
    assert not parse_html(client.get(diff_url).text).select("form.patrol-form")
    # Marking it again changes nothing and logs nothing.
    client.post(form["action"])
    assert LogEntry.objects.filter(kind=LogKind.PATROL).count() == 1


def test_a_foreign_next_address_is_not_followed(client, patroller, stranger_page):
    client.force_login(patroller)
    revision = stranger_page.current_revision
    response = client.post(
        f"/wiki/cell/patrol/{revision.pk}/", {"next": "https://elsewhere.example/"}
    )
    assert response.url == f"/wiki/cell/revisions/{revision.pk}/"


def test_nobody_else_may_patrol_or_is_offered_to(client, newcomer, stranger_page):
    revision = stranger_page.current_revision
    url = f"/wiki/cell/patrol/{revision.pk}/"
    assert client.post(url).status_code == 302  # to log in
    client.force_login(newcomer)
    assert client.post(url).status_code == 403
    assert not Revision.objects.get(pk=revision.pk).patrolled
    page = parse_html(client.get("/new-pages/").text)
    assert not page.select("form.patrol-form") and not page.select(".unpatrolled")
    assert client.get(url).status_code == 405


def test_new_pages_lists_new_pages_with_the_unpatrolled_marked_for_patrollers(
    client, patroller, regular, stranger_page
):
    create_page(title="Checked", body="By a regular.", author=regular)
    edit_page(stranger_page, "Edited, not new.", author=regular)
    client.force_login(patroller)
    page = parse_html(client.get("/new-pages/").text)
    rows = page.select("table.changes tbody tr")
    titles = [row.select("td")[1].select_one("a").get_text() for row in rows]
    assert titles[:2] == ["Checked", "Cell"]
    assert "Edited, not new." not in page.get_text()
    [unpatrolled] = [row for row in rows if row.select(".unpatrolled")]
    assert "Cell" in unpatrolled.get_text()
    assert unpatrolled.select("form.patrol-form")
    only = parse_html(client.get("/new-pages/?unpatrolled=1").text)
    only_rows = only.select("table.changes tbody tr")
    assert [row.select("td")[1].select_one("a").get_text() for row in only_rows] == [
        "Cell"
    ]
    # A patrol from the list comes back to the list.
    form = unpatrolled.select_one("form.patrol-form")
    response = client.post(form["action"], {"next": "/new-pages/?unpatrolled=1"})
    assert response.url == "/new-pages/?unpatrolled=1"
    assert "No changes." in client.get("/new-pages/?unpatrolled=1").text


def test_recent_changes_marks_and_filters_the_unpatrolled(
    client, patroller, regular, newcomer, stranger_page
):
    edit_page(stranger_page, "Looked after.", author=regular)
    client.force_login(patroller)
    page = parse_html(client.get("/recent-changes/?unpatrolled=1").text)
    rows = page.select("table.changes tbody tr")
    assert len(rows) == 1 and rows[0].select(".unpatrolled")
    everything = parse_html(client.get("/recent-changes/").text)
    assert len(everything.select(".unpatrolled")) == 1
    client.logout()
    anonymous = parse_html(client.get("/recent-changes/").text)
    assert not anonymous.select(".unpatrolled")
