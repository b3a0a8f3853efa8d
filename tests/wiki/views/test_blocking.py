"""Blocks: an account, an address or a range, site-wide or partial, with an expiry
and a reason that the blocked user is shown; logged; listed at /blocks/."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from tests.support.builders import create_page
from tests.support.html import parse_html
from tests.support.images import image_bytes, upload
from wiki.blocks import block_against
from wiki.models import Block, LogEntry, LogKind, Page
from wiki.models.blocks import range_keys

ADDRESS = "203.0.113.7"


@pytest.fixture
def cell(db):
    return create_page(title="Cell", body="The cell.")


def block(staff, **fields):
    data = {
        "target": "",
        "expiry": "1 day",
        "reason": "Vandalism",
        "sitewide": "on",
        "from_signup": "on",
        "allow_own_talk": "on",
    }
    return staff.post("/block/", {**data, **fields})


def edit(client, body="Vandal text", slug="cell", **extra):
    page = Page.objects.get(slug=slug)
    return client.post(
        f"/wiki/{slug}/edit/",
        {"body": body, "summary": "", "base_revision": page.current_revision_id},
        **extra,
    )


def test_a_blocked_account_is_told_why_until_when_and_by_whom(
    client, staff, cell, django_user_model
):
    vandal = django_user_model.objects.create_user("vandal", password="pw-long-11")
    assert block(staff, target="vandal").status_code == 302
    client.force_login(vandal)
    refused = edit(client)
    assert refused.status_code == 403
    notice = parse_html(refused.text).select_one("#block-notice").text
    assert "Vandalism" in notice and "curator" in notice and "expires" in notice
    assert Page.objects.get(pk=cell.pk).current_revision.body == "The cell."
    assert client.get("/wiki/cell/edit/").status_code == 403
    assert (
        client.post(
            "/files/upload/", {"file": upload("P.jpg", image_bytes()), "name": "P.jpg"}
        ).status_code
        == 403
    )
    talk = client.post("/wiki/cell/talk/topic/", {"subject": "Hi", "message": "x"})
    assert talk.status_code == 403
    own = client.post(
        "/wiki/user:vandal/talk/topic/", {"subject": "Appeal", "message": "Sorry."}
    )
    assert own.status_code == 302, "their own user talk stays open to them"
    assert LogEntry.objects.filter(kind=LogKind.BLOCK, target="vandal").exists()
    listed = parse_html(client.get("/blocks/").text).select("#blocks tbody tr")
    assert "vandal" in listed[0].text and "Vandalism" in listed[0].text


def test_a_range_block_stops_signup_and_edits_from_it(client, staff, cell, user):
    assert block(staff, target="203.0.113.0/24").status_code == 302
    client.logout()
    signup = client.post(
        "/accounts/signup/",
        {"username": "fresh", "password1": "pw-long-22x", "password2": "pw-long-22x"},
        REMOTE_ADDR=ADDRESS,
    )
    assert signup.status_code == 403
    client.force_login(user)
    assert edit(client, REMOTE_ADDR=ADDRESS).status_code == 403
    assert edit(client, REMOTE_ADDR="198.51.100.1").status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded_for"),
    [
        (1, ADDRESS),
        (1, f"192.0.2.66, {ADDRESS}"),  # what the client wrote first is skipped
        (2, f"{ADDRESS}, 10.0.0.2"),
    ],
)
def test_behind_proxies_the_block_meets_the_clients_address(
    client, staff, cell, user, settings, proxies, forwarded_for
):
    block(staff, target="203.0.113.0/24")
    settings.WIKI_PROXY_COUNT = proxies
    client.force_login(user)
    forwarded = {"HTTP_X_FORWARDED_FOR": forwarded_for, "REMOTE_ADDR": "10.0.0.1"}
    assert edit(client, **forwarded).status_code == 403
    elsewhere = forwarded_for.replace(ADDRESS, "198.51.100.1")
    assert edit(client, HTTP_X_FORWARDED_FOR=elsewhere).status_code == 302


@pytest.mark.parametrize(
    ("target", "accepted"),
    [
        ("10.0.0.0/8", False),
        ("10.1.0.0/16", True),
        ("2001:db8::/18", False),
        ("2001:db8::/19", True),
        ("nobody-of-that-name", False),
    ],
)
def test_ranges_wider_than_a_16_or_a_19_are_refused(staff, db, target, accepted):
    response = block(staff, target=target)
    assert (response.status_code == 302) is accepted
    assert Block.objects.exists() is accepted


def test_a_partial_block_keeps_them_from_named_pages_only(
    client, staff, cell, django_user_model
):
    create_page(title="Other", body="Other.")
    django_user_model.objects.create_user("pest", password="pw-long-33")
    block(staff, target="pest", sitewide="", pages="Cell")
    client.force_login(django_user_model.objects.get(username="pest"))
    assert edit(client).status_code == 403
    assert edit(client, slug="other").status_code == 302


def test_unblocking_lifts_it_and_is_logged(client, staff, cell, django_user_model):
    vandal = django_user_model.objects.create_user("vandal", password="pw-long-11")
    block(staff, target="vandal")
    staff.post(f"/blocks/{Block.objects.get().pk}/unblock/")
    assert LogEntry.objects.filter(kind=LogKind.UNBLOCK, target="vandal").exists()
    client.force_login(vandal)
    assert edit(client).status_code == 302
    assert "No one is blocked" in client.get("/blocks/").text


def test_an_expired_block_holds_no_more(client, cell, user):
    first, last = range_keys("127.0.0.1/32")
    Block.objects.create(
        target="127.0.0.1",
        first_address=first,
        last_address=last,
        reason="Old",
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    client.force_login(user)
    assert edit(client).status_code == 302


def test_only_staff_block(client, user, db):
    client.force_login(user)
    assert client.get("/block/").status_code == 403
    assert block(client, target="127.0.0.1").status_code == 403


def test_blocks_cost_one_query_per_request(db, user, django_assert_num_queries):
    request = RequestFactory().post("/wiki/cell/edit/", REMOTE_ADDR="2001:db8::1")
    request.user = user
    with django_assert_num_queries(1):
        assert block_against(request, "edit") is None
        assert block_against(request, "upload") is None


def test_blocks_are_shown_on_the_users_contributions(
    client, staff, db, django_user_model
):
    django_user_model.objects.create_user("vandal", password="pw-long-11")
    block(staff, target="vandal", reason="Spam links")
    staff.post(f"/blocks/{Block.objects.get().pk}/unblock/")
    log = parse_html(client.get("/users/vandal/contributions/").text)
    entries = [item.text for item in log.select("#block-log li")]
    assert "curator unblocked vandal" in entries[0]
    assert "curator blocked vandal: Spam links" in entries[1]
