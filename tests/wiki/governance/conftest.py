"""Accounts at each tier of trust, as the governance tests need them."""

import pytest

from tests.support.builders import make_account


@pytest.fixture(autouse=True)
def _autoconfirm_after_three_edits(settings):
    settings.WIKI_AUTOCONFIRM_DAYS = 4
    settings.WIKI_AUTOCONFIRM_EDITS = 3


@pytest.fixture
def newcomer(db):
    return make_account("newcomer")


@pytest.fixture
def regular(db):
    """An autoconfirmed user: old enough, with enough edits."""
    return make_account("regular", days_old=30, edits=3)


@pytest.fixture
def patroller(db):
    return make_account("watcher", groups=["patrollers"])
