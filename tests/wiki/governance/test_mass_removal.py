"""Mass removal: one action on a user's contributions rolls back their latest edits
everywhere and deletes the pages only they edited, logged; a large one runs as a
background job."""

import pytest

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import LogEntry, LogKind, Page
from wiki.services.mass_removal import INLINE_PAGES


@pytest.fixture
def spree(db, regular, newcomer):
    """A regular's two pages that a vandal defaced, and the vandal's own pages."""
    for title in ("Cell", "Prison"):
        page = create_page(title=title, body=f"{title}: the good text.", author=regular)
        edit_page(page, "DEFACED", author=newcomer)
        edit_page(page, "DEFACED AGAIN", author=newcomer)
    create_page(title="Spam one", body="Buy now.", author=newcomer)
    shared = create_page(title="Spam two", body="Buy now.", author=newcomer)
    edit_page(shared, "Buy now, cleaned up a little.", author=regular)
    return newcomer


def test_staff_see_what_it_will_do_then_do_it_in_one_post(staff, spree):
    contributions = parse_html(staff.get("/users/newcomer/contributions/").text)
    link = contributions.select_one("#remove-contributions")["href"]
    shown = parse_html(staff.get(link).text)
    assert shown.select_one("#planned-rollbacks").get_text() == "2"
    assert shown.select_one("#planned-deletions").get_text() == "1"
    response = staff.post(link, {"reason": "Vandalism spree"})
    assert response.status_code == 302
    for slug, title in (("cell", "Cell"), ("prison", "Prison")):
        current = Page.objects.get(slug=slug).current_revision
        assert current.body == f"{title}: the good text."
    assert not Page.objects.live().filter(slug="spam-one").exists()
    assert Page.objects.get(slug="spam-two").current_revision.body.startswith(
        "Buy now,"
    )
    entry = LogEntry.objects.get(kind=LogKind.MASS_REMOVAL)
    assert entry.target == "newcomer"
    assert entry.comment == "Vandalism spree (rolled back 2 pages, deleted 1)"
    deletion = LogEntry.objects.get(kind=LogKind.DELETE, target="Spam one")
    assert deletion.comment == "Vandalism spree"
    # Done is done: a second run finds nothing left.
    staff.post(link, {"reason": "Again"})
    assert LogEntry.objects.filter(kind=LogKind.MASS_REMOVAL).last().comment == (
        "Vandalism spree (rolled back 2 pages, deleted 1)"
    )
    assert "rolled back 0 pages, deleted 0" in LogEntry.objects.first().comment


def test_a_large_removal_runs_in_the_background(staff, newcomer, run_jobs):
    for n in range(INLINE_PAGES + 5):
        create_page(title=f"Spam {n}", body="Buy now.", author=newcomer)
    response = staff.post(
        "/users/newcomer/remove-contributions/", {"reason": "Spambot"}
    )
    assert response.status_code == 302
    assert "runs in the background" in staff.get(response.url).text
    assert Page.objects.live().filter(slug__startswith="spam-").count() == 25
    run_jobs()
    assert not Page.objects.live().filter(slug__startswith="spam-").exists()
    entry = LogEntry.objects.get(kind=LogKind.MASS_REMOVAL)
    assert entry.comment == "Spambot (rolled back 0 pages, deleted 25)"


def test_only_staff_may_remove_or_are_offered_to(client, spree, regular):
    client.force_login(regular)
    page = parse_html(client.get("/users/newcomer/contributions/").text)
    assert not page.select("#remove-contributions")
    url = "/users/newcomer/remove-contributions/"
    assert client.post(url, {"reason": "Mine"}).status_code == 403
    assert Page.objects.live().filter(slug="spam-one").exists()


def test_a_removal_needs_a_reason(staff, spree):
    response = staff.post("/users/newcomer/remove-contributions/", {"reason": ""})
    assert response.status_code == 400
    assert Page.objects.live().filter(slug="spam-one").exists()
