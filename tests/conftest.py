"""Builders shared by every test module."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from wiki.services import page_create


@pytest.fixture(autouse=True)
def _empty_cache():
    """A shared cache (Redis in CI) must not carry state from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads of a test land in a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seeded(db):
    """The whole article's data, loaded the way `manage.py seed` loads it."""
    call_command("seed", verbosity=0)


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(
        "reader", password="a-long-test-password"
    )


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_superuser(
        "curator", "curator@example.org", "a-long-test-password"
    )


@pytest.fixture
def make_page(db):
    """Create a wiki page through the service layer."""

    def make(title="Sample page", body="Some text.", author=None, summary=""):
        return page_create(title=title, body=body, author=author, summary=summary)

    return make
