"""Protection: levels for edit and move apart, an expiry, a reason; set from the
page's Protect tab, logged, shown, listed at /protected/, lifted when it expires."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.support.builders import create_page
from tests.support.html import parse_html
from wiki.models import LogEntry, LogKind, Page
from wiki.services import page_protect


@pytest.fixture
def cell(db):
    return create_page(title="Cell", body="The cell.")


def protect(client, **fields):
    data = {"edit_level": "", "move_level": "", "expiry": "1 day", "reason": ""}
    return client.post("/wiki/cell/protect/", {**data, **fields})


def test_staff_protect_from_the_tab_and_it_is_logged_and_shown(
    client, cell, staff, user
):
    response = protect(
        staff, edit_level="autoconfirmed", move_level="staff", reason="Edit war"
    )
    assert response.status_code == 302
    page = Page.objects.get(pk=cell.pk)
    assert (page.edit_protection, page.move_protection) == ("autoconfirmed", "staff")
    expires = page.protection_expires_at - timezone.now()
    assert timedelta(hours=23) < expires <= timedelta(days=1)
    entry = LogEntry.objects.get(kind=LogKind.PROTECT)
    assert "edit: autoconfirmed users only" in entry.comment
    assert "move: staff only" in entry.comment and "Edit war" in entry.comment
    notice = parse_html(client.get("/wiki/cell/").text).select_one("#protection-notice")
    assert "autoconfirmed users only" in notice.text and "Edit war" in notice.text
    client.force_login(user)
    refused = client.get("/wiki/cell/edit/")
    assert refused.status_code == 403
    assert "Edit war" in parse_html(refused.text).select_one("#protected").text


def test_both_levels_none_lift_the_protection(client, cell, staff):
    protect(staff, edit_level="staff", expiry="indefinite")
    assert Page.objects.get(pk=cell.pk).protection_expires_at is None
    protect(staff, reason="Calm again")
    page = Page.objects.get(pk=cell.pk)
    assert not page.is_protected and page.protection_reason == ""
    assert LogEntry.objects.filter(kind=LogKind.UNPROTECT).count() == 1


def test_an_expired_protection_lifts_itself(client, cell, user):
    page_protect(
        page=cell, edit="staff", move="staff", expires_at=timezone.now() - timedelta(1)
    )
    client.force_login(user)
    assert client.get("/wiki/cell/edit/").status_code == 200
    assert "protection-notice" not in client.get("/wiki/cell/").text
    assert "Cell" not in parse_html(client.get("/protected/").text).main.text


def test_a_job_renews_the_pages_cache_when_the_protection_expires(cell):
    when = timezone.now() + timedelta(hours=1)
    page_protect(page=cell, edit="staff", move="", expires_at=when)
    job = DBTaskResult.objects.get(task_path__endswith="protection_lifted")
    assert job.run_after == when and job.args_kwargs["args"] == ["cell"]


def test_protected_pages_are_listed_with_their_levels(client, cell):
    page_protect(page=cell, edit="autoconfirmed", move="staff", reason="Vandals")
    create_page(title="Open", body="Anyone.")
    rows = parse_html(client.get("/protected/").text).select(
        "#protected-pages tbody tr"
    )
    assert [[cell.text.strip() for cell in row.select("td")] for row in rows] == [
        ["Cell", "autoconfirmed users only", "staff only", "indefinite", "Vandals"]
    ]


def test_only_staff_protect(client, cell, user):
    assert client.get("/wiki/cell/protect/").status_code == 302  # to log in
    client.force_login(user)
    assert client.get("/wiki/cell/protect/").status_code == 403
    assert protect(client, edit_level="staff").status_code == 403
    assert not Page.objects.get(pk=cell.pk).is_protected


def test_a_semi_protected_page_moves_for_no_new_user(client, cell, user):
    page_protect(page=cell, edit="", move="autoconfirmed")
    client.force_login(user)
    assert client.get("/wiki/cell/edit/").status_code == 200
    assert client.get("/wiki/cell/move/").status_code == 403


def test_staff_editing_a_protected_page_see_its_notice(client, cell, staff):
    page_protect(page=cell, edit="staff", move="staff", reason="Edit war")
    form = parse_html(staff.get("/wiki/cell/edit/").text)
    assert "Edit war" in form.select_one("#protection-notice").text


def test_protections_that_lift_soonest_come_first_and_indefinite_ones_last(
    client, cell
):
    later = create_page(title="Later", body="x")
    soon = create_page(title="Soon", body="x")
    page_protect(page=cell, edit="staff", move="staff")
    page_protect(
        page=later, edit="staff", move="", expires_at=timezone.now() + timedelta(2)
    )
    page_protect(
        page=soon, edit="staff", move="", expires_at=timezone.now() + timedelta(1)
    )
    rows = parse_html(client.get("/protected/").text).select(
        "#protected-pages tbody tr"
    )
    assert [row.td.text.strip() for row in rows] == ["Soon", "Later", "Cell"]
