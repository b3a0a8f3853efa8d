"""The edit filter: rules staff write in admin, matched against each edit, with
their actions (warn, tag, disallow, block), their log and their emergency throttle."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.support.builders import create_page
from tests.support.html import parse_html
from wiki.models import Block, EditFilter, FilterHit, LogEntry, LogKind, Page

SPAM = "Cheap pills at https://pills.example/ today"


@pytest.fixture
def page(db):
    return create_page(title="Cell", body="The text.")


def rule(**fields):
    defaults = {"name": "Pills", "pattern": r"\bpills\b", "message": "No pill spam."}
    return EditFilter.objects.create(**{**defaults, **fields})


def save(client, page, body, **extra):
    current = Page.objects.get(pk=page.pk).current_revision_id
    return client.post(
        "/wiki/cell/edit/", {"body": body, "base_revision": current, **extra}
    )


def current_body(page):
    return Page.objects.get(pk=page.pk).current_revision.body


def test_a_warning_is_shown_once_and_the_edit_may_be_saved_past_it(
    client, page, regular
):
    rule(warns=True)
    client.force_login(regular)
    rule_for_all = EditFilter.objects.get()
    rule_for_all.max_tier = 3
    rule_for_all.save()
    warned = save(client, page, SPAM)
    assert warned.status_code == 200
    shown = parse_html(warned.text)
    assert "No pill spam." in shown.select_one("#filter-warning").get_text()
    assert current_body(page) == "The text."
    again = {
        field["name"]: field.get("value", "")
        for field in shown.select("form[method=post] input[type=hidden]")
    }
    assert again["warned"]
    assert client.post("/wiki/cell/edit/", {**again, "body": SPAM}).status_code == 302
    assert current_body(page) == SPAM
    assert list(FilterHit.objects.values_list("actions", flat=True)) == [
        "saved after a warning",
        "warned",
    ]


def test_a_forged_warning_mark_does_not_pass(client, page, regular):
    rule(warns=True, max_tier=3)
    client.force_login(regular)
    assert save(client, page, SPAM, warned='["1"]').status_code == 200
    assert current_body(page) == "The text."


def test_a_tag_rule_saves_the_edit_tagged(client, page, newcomer):
    rule(tag="pill-spam")
    client.force_login(newcomer)
    assert save(client, page, "Cheap pills.").status_code == 302
    revision = Page.objects.get(pk=page.pk).current_revision
    assert list(revision.tags.values_list("name", flat=True)) == ["pill-spam"]
    filtered = parse_html(client.get("/recent-changes/?tag=pill-spam").text)
    assert len(filtered.select("table.changes tbody tr")) == 1
    assert "pill spam" in [t.get_text() for t in filtered.select(".revision-tag")]


def test_a_disallowed_edit_comes_back_with_the_message_and_the_text(
    client, page, newcomer
):
    rule(disallows=True)
    client.force_login(newcomer)
    response = save(client, page, "Cheap pills.")
    assert response.status_code == 403
    shown = parse_html(response.text)
    assert "No pill spam." in shown.select_one("#filter-refusal").get_text()
    assert "Cheap pills." in shown.select_one("textarea[name=body]").get_text()
    assert current_body(page) == "The text."


def test_a_blocking_rule_blocks_the_account_and_says_why(client, page, newcomer):
    rule(block_hours=24, name="Pill spammers")
    client.force_login(newcomer)
    response = save(client, page, "Cheap pills.")
    assert response.status_code == 403
    assert "Edit filter: Pill spammers" in response.text
    block = Block.objects.get(user=newcomer)
    assert block.sitewide
    assert (
        timedelta(hours=23) < block.expires_at - timezone.now() <= timedelta(hours=24)
    )
    assert save(client, page, "Harmless now.").status_code == 403
    assert current_body(page) == "The text."
    assert LogEntry.objects.filter(kind=LogKind.BLOCK, target="newcomer").exists()


@pytest.mark.parametrize(
    ("conditions", "matches"),
    [
        ({"max_tier": 1}, False),  # the regular is past new users
        ({"max_tier": 2}, True),
        ({"max_tier": 2, "min_links_added": 2}, False),
        ({"max_tier": 2, "min_links_added": 1}, True),
        ({"max_tier": 2, "min_size_change": 1000}, False),
        ({"max_tier": 2, "max_size_change": 1000}, True),
        ({"max_tier": 2, "field": "summary", "pattern": "^spam$"}, True),
        ({"max_tier": 2, "field": "title", "pattern": "^cell$"}, True),
        ({"max_tier": 2, "field": "title", "pattern": "^other$"}, False),
        ({"max_tier": 2, "pattern": "The text"}, False),  # not added, kept
    ],
)
def test_every_condition_of_a_rule_must_hold(
    client, page, regular, conditions, matches
):
    rule(disallows=True, **conditions)
    client.force_login(regular)
    response = save(client, page, f"The text.\n{SPAM}", summary="spam")
    assert response.status_code == (403 if matches else 302)
    assert FilterHit.objects.exists() is matches


def test_staff_read_the_filter_log_with_the_edits_diff(staff, page, newcomer):
    rule(disallows=True)
    editor = Client()
    editor.force_login(newcomer)
    save(editor, page, "The text.\nCheap pills.")
    hit = FilterHit.objects.get()
    shown = staff.get(f"/admin/wiki/filterhit/{hit.pk}/change/")
    assert shown.status_code == 200
    diff = parse_html(shown.text)
    assert [row.get_text() for row in diff.select(".diff-added .diff-text")] == [
        "Cheap pills."
    ]
    assert "newcomer" in staff.get("/admin/wiki/filterhit/").text


def test_admin_refuses_a_pattern_that_does_not_compile(staff, db):
    response = staff.post(
        "/admin/wiki/editfilter/add/",
        {
            "name": "Broken",
            "enabled": "on",
            "pattern": "(unclosed",
            "field": "added",
            "max_tier": "1",
            "disallows": "on",
        },
    )
    assert response.status_code == 200
    assert "This is not a regular expression" in response.text
    assert not EditFilter.objects.exists()
    fine = staff.post(
        "/admin/wiki/editfilter/add/",
        {
            "name": "Fine",
            "enabled": "on",
            "pattern": r"casino\s+bonus",
            "field": "added",
            "max_tier": "1",
            "disallows": "on",
        },
    )
    assert fine.status_code == 302
    assert LogEntry.objects.filter(kind=LogKind.FILTER, target="Fine").exists()


def test_no_pattern_can_hang_a_save(client, page, regular, settings):
    settings.WIKI_FILTER_TIMEOUT = 0.05
    rule(pattern=r"(?:(?:x+)+)+y", disallows=True, max_tier=2)
    client.force_login(regular)
    response = save(client, page, "x" * 50_000)
    assert response.status_code == 302  # taken as no match once time ran out
    assert current_body(page) == "x" * 50_000


def test_a_new_rule_that_matches_too_many_edits_switches_itself_off(
    client, page, regular, settings
):
    settings.WIKI_FILTER_THROTTLE = 0.05
    settings.WIKI_FILTER_THROTTLE_MIN_HITS = 3
    settings.RATELIMIT_ENABLE = False
    too_wide = rule(name="Too wide", pattern="e", tag="e", max_tier=2)
    client.force_login(regular)
    for n in range(3):
        assert save(client, page, f"The text, edited {n}.").status_code == 302
    too_wide.refresh_from_db()
    assert not too_wide.enabled
    entry = LogEntry.objects.get(kind=LogKind.FILTER, target="Too wide")
    assert "switched itself off" in entry.comment
    save(client, page, "Edited once more.")
    assert FilterHit.objects.count() == 3


def test_a_long_standing_rule_does_not_throttle(client, page, regular, settings):
    settings.WIKI_FILTER_THROTTLE_MIN_HITS = 3
    settings.RATELIMIT_ENABLE = False
    standing = rule(name="Standing", pattern="e", tag="e", max_tier=2)
    EditFilter.objects.filter(pk=standing.pk).update(
        updated_at=timezone.now() - timedelta(days=2)
    )
    client.force_login(regular)
    for n in range(4):
        save(client, page, f"The text, edited {n}.")
    assert EditFilter.objects.get(pk=standing.pk).enabled
