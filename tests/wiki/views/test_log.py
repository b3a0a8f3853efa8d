"""The site log at /log/: deletions, protections, uploads and new accounts."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.support.admin import change_page_in_admin
from tests.support.builders import create_page
from tests.support.html import parse_html
from tests.support.images import image_bytes, upload
from wiki.models import LogEntry, LogKind, Page


def entries(client, query=""):
    html = parse_html(client.get(f"/log/{query}").text)
    shown = []
    for item in html.select(".site-log li"):
        if item.select_one(".log-kind"):
            item.time.decompose()  # the time of day varies; what happened does not
            shown.append(" ".join(item.get_text(" ", strip=True).split()))
    return shown


def test_protecting_and_deleting_in_admin_are_logged(staff, db):
    page = create_page(title="Cell", body="text")
    assert change_page_in_admin(staff, page, edit_protection="staff").status_code == 302
    staff.post(reverse("admin:wiki_page_delete", args=[page.pk]), {"post": "yes"})
    assert not Page.objects.filter(slug="cell").exists()
    kinds = list(LogEntry.objects.values_list("kind", "target", "actor__username"))
    assert kinds == [
        (LogKind.DELETE, "Cell", "curator"),
        (LogKind.PROTECT, "Cell", "curator"),
    ]
    assert entries(staff)[:2] == [
        "curator deleted Cell",
        "curator protected Cell (edit: staff only)",
    ]


def test_uploads_and_new_accounts_are_logged(client, user):
    client.post(
        "/accounts/signup/",
        {
            "username": "newcomer",
            "password1": "pw-long-77x",
            "password2": "pw-long-77x",
        },
    )
    client.post("/files/upload/", {"file": upload("A.png", image_bytes("PNG"))})
    assert entries(client) == [
        "newcomer uploaded A.png (version 1)",
        "newcomer created the account newcomer",
    ]


def test_the_log_filters_by_kind_and_user(client, user, staff_user):
    LogEntry.objects.create(kind=LogKind.UPLOAD, actor=user, target="A.png")
    LogEntry.objects.create(kind=LogKind.DELETE, actor=staff_user, target="Cell")
    assert entries(client, "?kind=upload") == ["reader uploaded A.png"]
    assert entries(client, "?user=curator") == ["curator deleted Cell"]
    assert client.get("/log/?kind=nonsense").status_code == 200


def test_the_log_takes_as_many_queries_for_many_entries(client, user):
    LogEntry.objects.create(kind=LogKind.UPLOAD, actor=user, target="A.png")
    with CaptureQueriesContext(connection) as few:
        client.get("/log/")
    LogEntry.objects.bulk_create(
        LogEntry(kind=LogKind.UPLOAD, actor=user, target=f"{n}.png") for n in range(60)
    )
    with CaptureQueriesContext(connection) as many:
        client.get("/log/")
    assert len(many) == len(few)
