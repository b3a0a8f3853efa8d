"""Accounts at each tier of trust, as the governance tests need them."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from tests.support.builders import create_page, edit_page
from wiki.models import Revision


@pytest.fixture
def make_account(db, django_user_model, settings):
    """An account `days_old` days old with `edits` edits, in `groups`."""
    settings.WIKI_AUTOCONFIRM_DAYS = 4
    settings.WIKI_AUTOCONFIRM_EDITS = 3

    def account(name, *, days_old=0, edits=0, groups=()):
        user = django_user_model.objects.create_user(name, password="pw-long-enough")
        user.date_joined = timezone.now() - timedelta(days=days_old)
        user.save()
        for group in groups:
            user.groups.add(Group.objects.get_or_create(name=group)[0])
        if edits:
            page = create_page(title=f"Sandbox of {name}", body="0", author=user)
            for n in range(1, edits):
                edit_page(page, str(n), author=user)
            # Long since checked, as a patroller would have.
            Revision.objects.filter(author=user).update(patrolled=True)
        return user

    return account


@pytest.fixture
def newcomer(make_account):
    return make_account("newcomer")


@pytest.fixture
def regular(make_account):
    """An autoconfirmed user: old enough, with enough edits."""
    return make_account("regular", days_old=30, edits=3)


@pytest.fixture
def patroller(make_account):
    return make_account("watcher", groups=["patrollers"])
