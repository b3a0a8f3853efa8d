"""A database that is down, unreachable or too slow costs a request a bounded time
and a clear 503 with a retry hint, never a worker killed at gunicorn's 30 s."""

import time

import psycopg
import pytest
from django.db import connection

from tests.support.builders import create_page
from tests.support.servers import Browser, gunicorn
from tests.support.tcp_proxy import TcpProxy
from wiki.models import Page

pytestmark = pytest.mark.django_db(transaction=True)

ON_POSTGRESQL = connection.vendor == "postgresql"


@pytest.fixture
def unreachable_database():
    """A PostgreSQL address whose traffic goes nowhere: a proxy to a closed port."""
    proxy = TcpProxy(target_port=9)
    yield proxy
    proxy.close()


def answer(port, path="/wiki/cell/"):
    started = time.monotonic()
    status, page = Browser().get(port, path)
    return status, page, time.monotonic() - started


@pytest.mark.parametrize("fault", ["refused", "hanging"])
def test_a_database_that_does_not_answer_is_a_503_in_seconds(
    unreachable_database, fault
):
    paths = ["/wiki/cell/", "/api/pages/"]
    if fault == "hanging":
        unreachable_database.hang()
    else:
        unreachable_database.refuse()
        paths += ["/", "/search/?q=cell", "/wiki/cell/history/"]
    url = f"postgres://wiki@127.0.0.1:{unreachable_database.port}/wiki"
    with gunicorn(DATABASE_URL=url, DATABASE_CONNECT_TIMEOUT="2") as port:
        for path in paths:
            status, page, took = answer(port, path)
            assert status == 503, (path, status)
            assert "nothing was saved" in page and took < 10


@pytest.mark.skipif(not ON_POSTGRESQL, reason="a statement timeout is PostgreSQL's")
def test_an_edit_held_up_past_the_statement_timeout_is_a_503_and_saves_nothing(user):
    page = create_page(title="Cell", body="The first text.")
    settings = connection.settings_dict
    with gunicorn(DATABASE_STATEMENT_TIMEOUT_MS="1000") as port:
        editor = Browser()
        assert editor.log_in(port, "reader")[0] == 302
        with psycopg.connect(
            dbname=settings["NAME"], user=settings["USER"], host="127.0.0.1"
        ) as other:
            # Another writer holds the page's row, and does not let go in time.
            other.execute("SELECT 1 FROM wiki_page WHERE id = %s FOR UPDATE", [page.pk])
            status, text = editor.submit(port, "/wiki/cell/edit/", {"body": "Mine."})
            assert status == 503 and "nothing was saved" in text
        assert Page.objects.get(pk=page.pk).current_revision.body == "The first text."
        status, _ = editor.submit(port, "/wiki/cell/edit/", {"body": "Mine."})
        assert status == 302
    assert Page.objects.get(pk=page.pk).current_revision.body == "Mine."
