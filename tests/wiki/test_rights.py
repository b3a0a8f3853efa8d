"""Who may do what (wiki/rights.py): user tier × action × page state, and the tabs
each reader is shown, which are exactly the actions they may take."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from tests.support.builders import create_page, make_account
from tests.support.html import parse_html
from wiki.models import Page
from wiki.rights import may, rights_of
from wiki.services import page_protect

PAST = timezone.now() - timedelta(days=30)


@pytest.fixture
def users(db, django_user_model, settings):
    settings.WIKI_AUTOCONFIRM_DAYS = 4
    settings.WIKI_AUTOCONFIRM_EDITS = 2
    account = make_account
    return {
        "anonymous": AnonymousUser(),
        "new": account("newcomer"),
        "old, few edits": account("lurker", days_old=10, edits=1),
        "many edits, young": account("eager", days_old=1, edits=5),
        "autoconfirmed": account("regular", days_old=10, edits=2),
        "rollbacker": account("roller", groups=["rollbackers"]),
        "patroller": account("watcher", groups=["patrollers"]),
        "bot": account("robot", groups=["bots"]),
        "staff": account("curator", staff=True),
    }


@pytest.fixture
def pages(db):
    """A page in each state a right depends on."""
    open_page = create_page(title="Open", body="text")
    semi = create_page(title="Semi", body="text")
    page_protect(page=semi, edit="autoconfirmed", move="autoconfirmed")
    full = create_page(title="Full", body="text")
    page_protect(page=full, edit="staff", move="staff", reason="Edit war")
    move_only = create_page(title="Move only", body="text")
    page_protect(page=move_only, edit="", move="staff")
    expired = create_page(title="Expired", body="text")
    page_protect(page=expired, edit="staff", move="staff", expires_at=PAST)
    regular_page = create_page(title="User:regular", body="me")
    Page.objects.filter(pk=regular_page.pk).update(slug="user:regular", namespace=2)
    return {
        name: Page.objects.get(pk=page.pk)
        for name, page in {
            "open": open_page,
            "semi": semi,
            "full": full,
            "move-protected": move_only,
            "expired": expired,
            "regular's user page": regular_page,
        }.items()
    }


ACTIONS_WITHOUT_A_PAGE = ["upload", "rollback", "patrol", "protect", "block", "delete"]
# (user, action, page state, may they)
TABLE = [
    *[("anonymous", action, "open", False) for action in ["edit", "create", "talk"]],
    *[("anonymous", action, None, False) for action in ACTIONS_WITHOUT_A_PAGE],
    ("anonymous", "move", "open", False),
    ("new", "edit", "open", True),
    ("new", "create", "open", True),
    ("new", "talk", "open", True),
    ("new", "upload", None, True),
    ("new", "move", "open", False),
    ("new", "edit", "semi", False),
    ("new", "edit", "full", False),
    ("new", "edit", "move-protected", True),
    ("new", "edit", "expired", True),
    ("new", "edit", "regular's user page", False),
    *[("new", action, None, False) for action in ACTIONS_WITHOUT_A_PAGE[1:]],
    ("old, few edits", "move", "open", False),
    ("many edits, young", "move", "open", False),
    ("autoconfirmed", "move", "open", True),
    ("autoconfirmed", "edit", "semi", True),
    ("autoconfirmed", "move", "semi", True),
    ("autoconfirmed", "edit", "full", False),
    ("autoconfirmed", "move", "full", False),
    ("autoconfirmed", "edit", "move-protected", True),
    ("autoconfirmed", "move", "move-protected", False),
    ("autoconfirmed", "move", "expired", True),
    ("autoconfirmed", "edit", "regular's user page", True),
    ("autoconfirmed", "rollback", None, False),
    ("autoconfirmed", "patrol", None, False),
    ("autoconfirmed", "protect", None, False),
    ("autoconfirmed", "delete", None, False),
    ("rollbacker", "rollback", None, True),
    ("rollbacker", "patrol", None, False),
    ("rollbacker", "move", "open", False),
    ("patroller", "patrol", None, True),
    ("patroller", "rollback", None, False),
    ("new", "minor", None, False),
    ("autoconfirmed", "minor", None, True),
    ("bot", "minor", None, True),
    ("bot", "move", "semi", True),
    ("bot", "edit", "full", False),
    ("bot", "patrol", None, False),
    *[("staff", action, None, True) for action in ACTIONS_WITHOUT_A_PAGE],
    *[
        ("staff", action, state, True)
        for action in ["edit", "move", "talk"]
        for state in ["full", "move-protected", "regular's user page"]
    ],
]


@pytest.mark.parametrize(("who", "action", "state", "allowed"), TABLE)
def test_who_may_do_what(users, pages, who, action, state, allowed):
    page = pages[state] if state else None
    assert may(users[who], action, page) is allowed


def test_a_users_rights_are_read_once_per_request(users, django_assert_num_queries):
    regular = users["autoconfirmed"]
    regular.__dict__.pop("_wiki_rights", None)
    with django_assert_num_queries(2):  # the edit count and the groups
        rights_of(regular)
        rights_of(regular)
    with django_assert_num_queries(0):
        rights_of(AnonymousUser())


def tabs(client, path="/wiki/open/"):
    nav = parse_html(client.get(path).text).select_one('[aria-label="Page tools"]')
    return [link.get_text(strip=True) for link in nav.select("a, button")]


@pytest.mark.parametrize(
    ("who", "shown", "hidden"),
    [
        ("new", ["Edit"], ["Move", "Protect", "Delete"]),
        ("autoconfirmed", ["Edit", "Move"], ["Protect", "Delete"]),
        ("staff", ["Edit", "Move", "Protect", "Delete"], []),
    ],
)
def test_the_tabs_are_the_actions_the_reader_may_take(
    client, users, pages, who, shown, hidden
):
    client.force_login(users[who])
    shown_tabs = tabs(client)
    assert set(shown) <= set(shown_tabs)
    assert not set(hidden) & set(shown_tabs)
    for tab, path in [("Move", "/wiki/open/move/"), ("Protect", "/wiki/open/protect/")]:
        status = client.get(path).status_code
        assert (status == 200) is (tab in shown_tabs), (tab, status)
