"""Rollback: a vandal's latest consecutive edits taken back in one revision, by
rollbackers and staff, offered in the history and on the diff."""

import pytest
from django.contrib.auth.models import Group

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import Page


@pytest.fixture
def vandalised(db, user, django_user_model):
    """A page a regular wrote, then a vandal's five edits on top."""
    regular = django_user_model.objects.create_user("regular", password="pw-long-1")
    vandal = django_user_model.objects.create_user("vandal", password="pw-long-2")
    page = create_page(title="Cell", body="The good text.\n", author=regular)
    edit_page(page, "The good text, improved.\n", author=regular)
    for n in range(5):
        edit_page(page, f"SPAM {n}\n", author=vandal)
    return Page.objects.get(pk=page.pk)


@pytest.fixture
def rollbacker(client, django_user_model):
    member = django_user_model.objects.create_user("roller", password="pw-long-3")
    member.groups.add(Group.objects.get_or_create(name="rollbackers")[0])
    client.force_login(member)
    return client


def test_a_vandals_five_edits_go_in_one_new_revision(rollbacker, vandalised):
    response = rollbacker.post("/wiki/cell/rollback/vandal/")
    assert response.status_code == 302
    page = Page.objects.get(pk=vandalised.pk)
    current = page.current_revision
    assert current.body == "The good text, improved.\n"
    assert current.number == vandalised.current_revision.number + 1
    assert (
        current.summary == "Reverted 5 edits by vandal to the last revision by regular"
    )
    assert current.author.username == "roller"


def test_rollback_is_offered_in_the_history_and_on_the_diff(rollbacker, vandalised):
    history = parse_html(rollbacker.get("/wiki/cell/history/").text)
    [form] = history.select("form.rollback-form")
    assert form["action"] == "/wiki/cell/rollback/vandal/"
    current = vandalised.current_revision
    diff = rollbacker.get(f"/wiki/cell/diff/{current.previous_id}/{current.pk}/")
    assert parse_html(diff.text).select("form.rollback-form")


def test_nobody_else_may_roll_back_and_is_not_offered_to(client, vandalised, user):
    client.force_login(user)
    assert not parse_html(client.get("/wiki/cell/history/").text).select(
        "form.rollback-form"
    )
    assert client.post("/wiki/cell/rollback/vandal/").status_code == 403
    assert Page.objects.get(pk=vandalised.pk).current_revision.body == "SPAM 4\n"


def test_only_the_last_author_is_rolled_back(rollbacker, vandalised):
    response = rollbacker.post("/wiki/cell/rollback/regular/", follow=True)
    assert "regular is not the last to have edited this page; vandal is." in (
        response.text
    )
    assert Page.objects.get(pk=vandalised.pk).current_revision.body == "SPAM 4\n"


def test_a_page_with_one_author_is_not_rolled_back(rollbacker, db, user):
    create_page(title="Solo", body="Only mine.", author=user)
    response = rollbacker.post(f"/wiki/solo/rollback/{user.username}/", follow=True)
    assert "nothing to go back to" in response.text


def test_rollback_is_offered_in_recent_changes_and_contributions(
    rollbacker, vandalised
):
    for address in ["/recent-changes/", "/users/vandal/contributions/"]:
        forms = parse_html(rollbacker.get(address).text).select("form.rollback-form")
        assert [form["action"] for form in forms] == ["/wiki/cell/rollback/vandal/"]


def test_readers_lists_offer_no_rollback(client, vandalised):
    assert "rollback-form" not in client.get("/recent-changes/").text
