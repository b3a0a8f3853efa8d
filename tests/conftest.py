"""Builders shared by every test module."""

import shutil
import signal

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from django_tasks_db.management.commands import db_worker

from tests.support.builders import create_page
from tests.support.object_store import seaweedfs


@pytest.fixture(autouse=True)
def _site_language():
    """A request leaves its interface language active in its thread, as Django does;
    each test starts in the site's own."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """A shared cache (Redis in CI) must not carry state from one test to the next,
    nor a frame drawn under another test's settings."""
    for each in (cache, caches["frame"]):
        each.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads of a test land in a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="module")
def _seeded_module(request, django_db_setup, django_db_blocker):
    """Seed once for a whole module, in a transaction rolled back after its last test.

    Each test runs in a savepoint inside it (pytest-django's `db`), so what a test
    writes is gone before the next one, as with Django's setUpTestData.
    """
    outer = transaction.atomic()
    with django_db_blocker.unblock():
        outer.__enter__()
        call_command("seed", verbosity=0)
    SEEDED_MODULES.add(request.module.__name__)
    yield
    SEEDED_MODULES.discard(request.module.__name__)
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def seeded(_seeded_module, db):
    """The whole article's data, loaded the way `manage.py seed` loads it."""


SEEDED_MODULES = set()


@pytest.fixture(autouse=True)
def _seeded_modules_seed_every_test(request):
    """A module whose tests share seed data must ask for it in every test, or a test
    that expects an empty database would silently see it."""
    if request.module.__name__ in SEEDED_MODULES:
        assert "seeded" in request.fixturenames, (
            f"{request.node.nodeid} runs in a seeded module; ask for `seeded`, or "
            "move it to a module of its own."
        )


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
def staff(client, staff_user):
    """The test client, logged in as staff."""
    client.force_login(staff_user)
    return client


@pytest.fixture
def make_page(db):
    """Create a wiki page through the service layer."""

    def make(title="Sample page", body="Some text.", author=None, summary=""):
        return create_page(title=title, body=body, author=author, summary=summary)

    return make


@pytest.fixture(scope="module")
def object_store(tmp_path_factory):
    """A real S3 server (SeaweedFS) for the tests of one module."""
    with seaweedfs(tmp_path_factory.mktemp("seaweedfs")) as store:
        yield store


@pytest.fixture
def run_jobs(db, monkeypatch):
    """Run every background job that is due, as a worker does (`manage.py worker`,
    in batch mode: until none is left), and give the signal handlers it sets back.

    The worker shares the test's connection, inside the test's transaction, so it may
    not close "old" connections between jobs: Django's test client keeps requests
    from closing them for the same reason. tests/wiki/test_jobs.py runs workers in
    processes of their own.
    """
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        handlers = {sig: signal.getsignal(sig) for sig in WORKER_SIGNALS}
        try:
            call_command(
                "worker", batch=True, interval=0, startup_delay=False, verbosity=0
            )
        finally:
            for sig, handler in handlers.items():
                signal.signal(sig, handler)

    return run


WORKER_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    """Chromium for one module of browser tests.

    Playwright's sync API runs an event loop in the test thread, beside which Django
    refuses ORM calls; the browser tests' own calls are still plain synchronous code,
    so the guard is lifted while, and only while, Playwright runs.
    """
    if CHROMIUM is None:
        pytest.skip(
            "No Chromium found: install Debian's 'chromium' package to run these."
        )
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as guard:
        guard.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
