"""Change tags, computed by the write path on every revision and shown wherever
changes are listed; minor edits, marked by trusted editors and hidden on request."""

import pytest

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import Page
from wiki.services import page_rollback, revision_revert
from wiki.tags import LARGE_REMOVAL_BYTES

LONG = "A paragraph about the film that goes on for a while. " * 60


def tags_of(revision):
    return set(revision.tags.values_list("name", flat=True))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (LONG, "", {"mw-blank"}),
        (LONG, "Short.", {"mw-replace"}),
        (LONG, LONG[: len(LONG) - LARGE_REMOVAL_BYTES], {"large-removal"}),
        (LONG, LONG + " More.", set()),
        ("Stub.", "#REDIRECT [[Elsewhere]]", {"mw-new-redirect"}),
        ("#REDIRECT [[One]]", "#REDIRECT [[Two]]", set()),
    ],
    ids=["blank", "replace", "large-removal", "addition", "redirect", "retarget"],
)
def test_an_edit_is_tagged_with_what_it_did(db, regular, old, new, expected):
    page = create_page(title="Cell", body=old, author=regular)
    assert tags_of(page.current_revision) == {"new-page"} | (
        {"mw-new-redirect"} if old.startswith("#REDIRECT") else set()
    )
    assert tags_of(edit_page(page, new, author=regular)) == expected


def test_external_links_are_tagged_only_when_a_new_user_adds_them(
    db, regular, newcomer
):
    page = create_page(title="Cell", body="See https://example.org/a.", author=regular)
    linked = "See https://example.org/a and [this](https://spam.example/b)."
    assert "new-user-links" in tags_of(edit_page(page, linked, author=newcomer))
    assert "new-user-links" not in tags_of(
        edit_page(page, linked + " https://example.net/", author=regular)
    )
    # Keeping a link that was there already is no link added.
    assert "new-user-links" not in tags_of(
        edit_page(page, linked + " And words.", author=newcomer)
    )


def test_revert_rollback_and_undo_are_tagged(client, db, regular, newcomer, staff_user):
    page = create_page(title="Cell", body="Good.\n", author=regular)
    first = page.current_revision
    edit_page(page, "Bad.\n", author=newcomer)
    reverted = revision_revert(revision=first, author=regular).revision
    assert "mw-manual-revert" in tags_of(reverted)
    edit_page(page, "Worse.\n", author=newcomer)
    _, rolled_back = page_rollback(page=page, username="newcomer", actor=staff_user)
    assert "mw-rollback" in tags_of(rolled_back)
    vandal = edit_page(page, "Good.\nAnd vandalism.\n", author=newcomer)
    client.force_login(regular)
    form = parse_html(client.get(f"/wiki/cell/undo/{vandal.pk}/").text)
    fields = {
        field["name"]: field.get("value", "")
        for field in form.select("form[method=post] input[type=hidden]")
    }
    assert fields["undo"] == str(vandal.pk)
    # A browser drops the newline that opens a textarea.
    fields["body"] = (
        form.select_one("textarea[name=body]").get_text().removeprefix("\n")
    )
    assert client.post("/wiki/cell/edit/", fields).status_code == 302
    undone = Page.objects.get(pk=page.pk).current_revision
    assert undone.body == "Good.\n" and "mw-undo" in tags_of(undone)


def test_an_undo_of_another_pages_revision_is_no_undo(client, db, regular):
    other = create_page(title="Other", body="One.", author=regular)
    edit_page(other, "Two.", author=regular)
    page = create_page(title="Cell", body="Text.", author=regular)
    client.force_login(regular)
    client.post(
        "/wiki/cell/edit/",
        {
            "body": "Text, edited.",
            "base_revision": page.current_revision_id,
            "undo": other.current_revision_id,
        },
    )
    assert tags_of(Page.objects.get(pk=page.pk).current_revision) == set()


def test_tags_are_shown_in_every_list_of_changes_and_filter_them(
    client, db, regular, newcomer
):
    page = create_page(title="Cell", body=LONG, author=regular)
    blanked = edit_page(page, "", author=newcomer)
    client.force_login(regular)
    client.post("/wiki/cell/watch/")
    for url in (
        "/wiki/cell/history/",
        "/recent-changes/",
        "/users/newcomer/",
        "/watchlist/",
        f"/wiki/cell/diff/{blanked.previous_id}/{blanked.pk}/",
    ):
        shown = parse_html(client.get(url).text).select(".revision-tag")
        assert "blanking" in [tag.get_text() for tag in shown], url
    feed = client.get("/recent-changes/feed/").text
    assert 'term="mw-blank"' in feed and "(Tags: blanking)" in feed
    rows = parse_html(client.get("/recent-changes/?tag=mw-blank").text).select(
        "table.changes tbody tr"
    )
    assert len(rows) == 1 and "blanking" in rows[0].get_text()
    # A tag no revision can carry is a filter the form refuses, not an error.
    assert client.get("/recent-changes/?tag=%3Cscript%3E").status_code == 200


def test_only_trusted_editors_may_mark_an_edit_minor(client, db, regular, newcomer):
    page = create_page(title="Cell", body="Text.", author=regular)
    client.force_login(newcomer)
    assert not parse_html(client.get("/wiki/cell/edit/").text).select(
        "input[name=minor]"
    )
    base = page.current_revision_id
    client.post(
        "/wiki/cell/edit/", {"body": "Tpyo.", "minor": "on", "base_revision": base}
    )
    by_newcomer = Page.objects.get(pk=page.pk).current_revision
    assert not by_newcomer.minor
    client.force_login(regular)
    assert parse_html(client.get("/wiki/cell/edit/").text).select("input[name=minor]")
    client.post(
        "/wiki/cell/edit/",
        {"body": "Typo.", "minor": "on", "base_revision": by_newcomer.pk},
    )
    minor = Page.objects.get(pk=page.pk).current_revision
    assert minor.minor
    history = parse_html(client.get("/wiki/cell/history/").text)
    assert len(history.select("abbr[title='This is a minor edit']")) == 1

    def revisions_listed(url):
        links = parse_html(client.get(url).text).select(
            "table.changes a[href^='/wiki/cell/revisions/']"
        )
        return {link["href"] for link in links}

    assert minor.get_absolute_url() in revisions_listed("/recent-changes/")
    unminor = revisions_listed("/recent-changes/?hideminor=1")
    assert minor.get_absolute_url() not in unminor
    assert by_newcomer.get_absolute_url() in unminor
