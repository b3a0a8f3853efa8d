"""The cache fails soft: with its Redis killed, paused or full, the site answers from
the database, logs the failure once a minute, and is back to full speed by itself."""

import logging
import threading
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from tests.support.redis_server import REDIS_SERVER, redis_server
from tests.support.servers import Browser, gunicorn
from tests.support.tcp_proxy import TcpProxy
from wiki.models import Page, Revision
from wiki.settings.environment import WikiEnv

pytestmark = pytest.mark.skipif(
    REDIS_SERVER is None, reason="needs redis-server (Debian's redis-server)"
)

ADDRESSES = [
    "/wiki/cell/",
    "/wiki/cell/history/",
    "/wiki/",
    "/search/?q=cell",
    "/api/pages/cell/",
    "/recent-changes/",
    "/",
]


@pytest.fixture
def redis(settings, tmp_path):
    with redis_server(tmp_path) as server:
        settings.CACHES = {
            **settings.CACHES,
            "default": WikiEnv.cache_url_config(server.url),
        }
        yield server


@pytest.fixture
def page(db):
    return create_page(title="Cell", body="The first text.")


def text_of(client, path="/wiki/cell/"):
    response = client.get(path)
    assert response.status_code == 200
    return parse_html(response.text).select_one(".wiki-body").get_text(strip=True)


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_with_redis_killed_every_page_and_every_edit_answers(redis, page, user):
    reader, editor = Client(), Client()
    editor.force_login(user)
    assert text_of(reader) == "The first text."
    redis.kill()
    for path in ADDRESSES:
        assert reader.get(path).status_code == 200, path
        assert editor.get(path).status_code == 200, path
    assert editor.get("/wiki/cell/edit/").status_code == 200
    response = editor.post(
        "/wiki/cell/edit/",
        {
            "body": "Saved while Redis was down.",
            "base_revision": page.current_revision_id,
        },
    )
    assert response.status_code == 302
    assert text_of(reader) == "Saved while Redis was down."
    login = Client().post(
        "/accounts/login/", {"username": "reader", "password": "a-long-test-password"}
    )
    assert login.status_code == 302


def test_back_to_the_cache_by_itself_when_redis_returns(redis, page, settings):
    settings.WIKI_CACHE_RETRY_AFTER = 0
    reader = Client()
    assert queries_for(reader, "/wiki/cell/") > 0
    assert queries_for(reader, "/wiki/cell/") == 0  # kept
    redis.kill()
    assert queries_for(reader, "/wiki/cell/") > 0  # drawn from the database
    redis.start()  # empty, on the same address
    counts = [queries_for(reader, "/wiki/cell/") for _ in range(5)]
    assert counts[0] > 0 and counts[-1] == 0  # kept again


def test_a_failure_is_logged_once_a_minute_not_once_a_request(redis, page, caplog):
    redis.kill()
    reader = Client()
    with caplog.at_level(logging.WARNING, logger="wiki.cache"):
        for _ in range(30):
            assert reader.get("/wiki/cell/").status_code == 200
    assert len(caplog.records) == 1
    assert "serving from the database" in caplog.records[0].getMessage()


def test_a_paused_redis_costs_a_request_a_bounded_time(redis, page):
    reader = Client()
    redis.pause()
    try:
        for path in ADDRESSES:
            started = time.monotonic()
            assert reader.get(path).status_code == 200
            # Without a timeout of its own, a call waits 5 s (redis-py) or for ever.
            assert time.monotonic() - started < 2, path
    finally:
        redis.resume()


def test_a_full_redis_refuses_writes_and_the_site_goes_on(redis, page, user):
    redis.fill(2 * 1024 * 1024)
    editor = Client()
    editor.force_login(user)
    response = editor.post(
        "/wiki/cell/edit/",
        {
            "body": "Saved while Redis was full.",
            "base_revision": page.current_revision_id,
        },
    )
    assert response.status_code == 302
    assert text_of(Client()) == "Saved while Redis was full."


def test_an_edit_while_redis_is_full_is_shown_at_once_and_after(
    redis, page, run_jobs, django_capture_on_commit_callbacks, settings
):
    settings.WIKI_CACHE_RETRY_AFTER = 0
    reader = Client()
    assert text_of(reader) == "The first text."  # kept
    redis.fill(2 * 1024 * 1024)  # reads go on, writes are refused
    with django_capture_on_commit_callbacks(execute=True):
        edit_page(page, "Edited while Redis was full.")
    assert text_of(reader) == "Edited while Redis was full."
    redis.client().config_set("maxmemory", "0")
    run_jobs()  # renews the versions the edit could not
    assert text_of(reader) == "Edited while Redis was full."
    assert queries_for(reader, "/wiki/cell/") == 0  # kept again


def test_versions_an_edit_could_not_renew_are_renewed_by_a_job_once_redis_answers(
    redis, page, run_jobs, django_capture_on_commit_callbacks, settings
):
    settings.WIKI_CACHE_RETRY_AFTER = 0
    redis.kill()
    with django_capture_on_commit_callbacks(execute=True):
        edit_page(page, "Edited while Redis was down.")
    renewals = DBTaskResult.objects.filter(task_path="wiki.page_cache.renew_versions")
    run_jobs()
    assert renewals.get(status="FAILED")  # still down: tried again later
    retry = renewals.get(status="READY")
    redis.start()
    retry.run_after = timezone.now()
    retry.save()
    run_jobs()
    assert renewals.filter(status="SUCCESSFUL").count() == 1
    assert not renewals.filter(status="READY").exists()


@pytest.mark.django_db(transaction=True)
def test_redis_killed_and_paused_under_load_costs_no_5xx_and_no_edit(tmp_path, user):
    create_page(title="Cell", body="Edit 0")
    with (
        redis_server(tmp_path) as server,
        gunicorn(workers=2, CACHE_URL=server.url) as port,
    ):
        statuses, stop = [], threading.Event()

        def read():
            reader = Browser()
            while not stop.is_set():
                for path in ADDRESSES:
                    statuses.append(reader.get(port, path)[0])

        readers = [threading.Thread(target=read) for _ in range(3)]
        for thread in readers:
            thread.start()
        editor = Browser()
        assert editor.log_in(port, "reader")[0] == 302
        saved = []

        def edit(n):
            status, _ = editor.submit(port, "/wiki/cell/edit/", {"body": f"Edit {n}"})
            statuses.append(status)
            if status == 302:
                saved.append(f"Edit {n}")

        faults = [server.kill, server.start, server.pause, server.resume]
        for n in range(1, 13):
            edit(n)
            if n % 3 == 0:
                faults.pop(0)()
            time.sleep(0.2)
        stop.set()
        for thread in readers:
            thread.join()
    assert not [status for status in statuses if status >= 500]
    bodies = set(
        Revision.objects.filter(page__slug="cell").values_list("body", flat=True)
    )
    assert len(saved) == 12 and set(saved) <= bodies
    assert Page.objects.get(slug="cell").current_revision.body == "Edit 12"


def made_up_addresses(count):
    """What a stranger might ask for to fill the cache: every kind of address a view
    reads, with values that change nothing or spell the same thing another way."""
    kinds = [
        "/wiki/cell/?redirectedfrom=made-up-{n}",
        "/wiki/cell/?redirect=yes-{n}",
        "/wiki/cell/?redirect=no&n={n}",
        "/wiki/made-up-{n}/",
        "/wiki/made-up-{n}/history/",
        "/wiki/?page=0{n}",
        "/wiki/?page={n}",
        "/categories/made-up-{n}/",
        "/users/made-up-{n}/",
        "/recent-changes/?x={n}",
    ]
    return [kinds[n % len(kinds)].format(n=n) for n in range(count)]


def test_thousands_of_made_up_addresses_cannot_fill_the_cache(redis, page):
    """Not one made-up address may keep a response: 2,000 of them, 400 of each kind,
    find a leak as surely as any number would, since five leaked keys fail."""
    reader = Client()
    for path in ADDRESSES:
        reader.get(path)
    keys_for_the_real_pages = redis.client().dbsize()
    for path in made_up_addresses(2_000):
        assert reader.get(path).status_code < 500, path
    assert redis.client().dbsize() <= keys_for_the_real_pages + 5


@pytest.fixture
def partitioned(settings, tmp_path):
    """A Redis the site reaches through a proxy the test can cut: Redis keeps its data
    while the site cannot reach it, as across a network that fails."""
    with redis_server(tmp_path) as server:
        proxy = TcpProxy(server.port)
        settings.CACHES = {
            **settings.CACHES,
            "default": WikiEnv.cache_url_config(f"redis://127.0.0.1:{proxy.port}/0"),
        }
        settings.WIKI_CACHE_RETRY_AFTER = 0
        yield proxy
        proxy.close()


def test_a_logout_while_redis_is_cut_off_holds_once_it_is_back(
    partitioned, user, run_jobs
):
    browser = Client()
    login = browser.post(
        "/accounts/login/", {"username": "reader", "password": "a-long-test-password"}
    )
    assert login.status_code == 302
    stolen = browser.cookies["sessionid"].value
    partitioned.refuse()
    assert browser.post("/accounts/logout/").status_code == 302
    partitioned.mend()
    run_jobs()  # drops the session Redis still holds
    replay = Client()
    replay.cookies["sessionid"] = stolen
    assert replay.get("/accounts/settings/").status_code == 302  # to the login
