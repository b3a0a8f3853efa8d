"""The search index follows every write, and survives optimising
(wiki/search/__init__.py, the backends).
"""

import pytest

from tests.support.builders import edit_page
from tests.support.search import titles
from wiki.services import page_save, revision_revert


def test_index_follows_edits_and_reverts(client, pages, user):
    from wiki.models import Page

    page = Page.objects.get(slug="prison")
    first = page.current_revision
    edit_page(page, "The guards patrol the yard.", author=user)
    assert titles(client, "balloon") == ["Balloon"]
    assert titles(client, "guards") == ["Prison"]
    revision_revert(revision=first, author=user)
    assert titles(client, "balloon") == ["Balloon", "Prison"]
    assert titles(client, "guards") == []


def test_new_pages_are_found_at_once(client, db, user):
    page_save(slug="warden", title="Warden", body="He adopts Ye-sung.", author=user)
    assert titles(client, "adopts") == ["Warden"]


@pytest.mark.django_db(transaction=True)
def test_optimize_search_keeps_the_index_whole(client, make_page, user):
    from io import StringIO

    from django.core.management import call_command

    for n in range(5):
        make_page(title=f"Cell {n}", body=f"Inmate number {n} in the balloon plan.")
    page = make_page(title="Warden", body="He guards the yard.")
    edit_page(page, "He adopts Ye-sung.", author=user)
    out = StringIO()
    call_command("optimize_search", stdout=out)
    assert "optimised" in out.getvalue()
    assert len(titles(client, "balloon")) == 5
    assert titles(client, "Ye-sung") == ["Warden"]
    assert titles(client, "guards") == []
    assert titles(client, "warden") == ["Warden"]
