"""The write path: revisions, merges, conflicts, races, revert and delete."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from tests.support.builders import edit_page
from wiki.models import Page, Revision
from wiki.services import (
    EditConflict,
    page_delete,
    page_protect,
    page_save,
    page_update,
    revision_revert,
)

BASE = "one\ntwo\nthree\nfour\nfive\n"


@pytest.fixture
def page(make_page, user):
    return make_page(title="Cell", body=BASE, author=user)


def save_result(page, body, base, author=None):
    """What saving `body` on top of revision `base` of `page` did."""
    return page_save(
        slug=page.slug,
        title=page.title,
        body=body,
        author=author,
        base_revision_id=base,
    )


def save(page, body, base, author=None):
    return save_result(page, body, base, author).revision


def test_revisions_are_numbered_and_know_their_size_change(page, user):
    first = page.current_revision
    second = edit_page(page, BASE + "six\n", author=user, summary="more")
    assert (first.number, second.number) == (1, 2)
    assert second.previous == first
    assert second.size_change == len("six\n")
    page.refresh_from_db()
    assert page.current_revision == second


def test_saving_the_same_text_makes_no_revision(page, user):
    assert save(page, BASE, page.current_revision_id, user) is None
    assert page.revisions.count() == 1


def test_edits_to_different_lines_are_merged(page, user):
    base = page.current_revision_id
    save(page, BASE.replace("one", "ONE"), base, user)
    merged = save(page, BASE.replace("five", "FIVE"), base, user)
    assert merged.body == "ONE\ntwo\nthree\nfour\nFIVE\n"
    assert merged.number == 3


def test_edits_to_the_same_line_conflict_and_change_nothing(page, user):
    base = page.current_revision_id
    theirs = save(page, BASE.replace("two", "TWO"), base, user)
    with pytest.raises(EditConflict) as conflict:
        save(page, BASE.replace("two", "deux"), base, user)
    assert conflict.value.current == theirs
    assert Page.objects.get(pk=page.pk).current_revision == theirs


def test_an_unknown_base_revision_is_a_conflict(page, make_page, user):
    other = make_page(title="Other")
    with pytest.raises(EditConflict):
        save(page, "text", other.current_revision_id, user)


def test_creating_a_page_that_appeared_meanwhile_is_a_conflict(page, user):
    with pytest.raises(EditConflict):
        page_save(
            slug="cell", title="Cell", body="mine", author=user, base_revision_id=None
        )


def test_the_database_refuses_two_revisions_on_the_same_predecessor(page):
    current = page.current_revision
    values = {"page": page, "body": "x", "size": 1, "size_change": 0, "html": ""}
    Revision.objects.create(number=2, previous=current, **values)
    with pytest.raises(IntegrityError), transaction.atomic():
        Revision.objects.create(number=3, previous=current, **values)
    with pytest.raises(IntegrityError), transaction.atomic():
        Revision.objects.create(number=2, previous=None, **values)


def test_revert_adds_a_revision_that_says_so(page, user):
    first = page.current_revision
    save(page, "vandalised\n", first.pk, user)
    reverted = revision_revert(revision=first, author=user).revision
    assert reverted.body == BASE
    assert reverted.number == 3
    assert reverted.summary == "Reverted to revision 1"
    assert reverted.author == user


def test_deleting_a_page_turns_links_to_it_red(make_page, run_jobs):
    target = make_page(title="Target")
    source = make_page(title="Source", body="[[Target]]")
    assert "wikilink-new" not in Page.objects.get(pk=source.pk).current_revision.html
    page_delete(page=target)
    run_jobs()
    assert "wikilink-new" in Page.objects.get(pk=source.pk).current_revision.html


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_instant_cannot_both_win(django_user_model):
    """Real concurrent transactions against one base: exactly one edit lands."""
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        ("file:memorydb", ":memory:")
    ):
        pytest.skip("needs a database that several connections share on disk")
    user = django_user_model.objects.create_user("racer", password="x-long-password")
    page = page_save(slug="race", title="Race", body=BASE, author=user).revision.page
    base = page.current_revision_id
    barrier = threading.Barrier(2)
    outcomes = []

    def edit(word):
        try:
            barrier.wait()
            outcomes.append(save(page, BASE.replace("three", word), base, user))
        except EditConflict as conflict:
            outcomes.append(conflict)
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=(w,)) for w in ("THREE", "drei")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(type(o).__name__ for o in outcomes) == ["EditConflict", "Revision"]
    assert Revision.objects.filter(page=page).count() == 2


def test_a_save_says_what_it_did(page, user):
    base = page.current_revision_id
    unchanged = save_result(page, BASE, base, user)
    assert (unchanged.changed, unchanged.created, unchanged.merged) == (
        False,
        False,
        False,
    )
    plain = save_result(page, BASE.replace("one", "ONE"), base, user)
    assert (plain.changed, plain.created, plain.merged) == (True, False, False)
    merged = save_result(page, BASE.replace("five", "FIVE"), base, user)
    assert (merged.changed, merged.merged) == (True, True)
    created = page_save(slug="new", title="New", body="x", author=user)
    assert (created.changed, created.created) == (True, True)


def test_renaming_or_protecting_a_page_keeps_its_address_and_reindexes(page):
    updated = page_update(page=page, title="Cell Seven")
    page_protect(page=page, edit="staff", move="staff")
    stored = Page.objects.get(pk=page.pk)
    assert (stored.slug, stored.title, stored.is_protected) == (
        "cell",
        "Cell Seven",
        True,
    )
    assert updated.search_document.title == "Cell Seven"
