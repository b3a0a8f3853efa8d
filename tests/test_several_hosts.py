"""Several web hosts, one wiki: two gunicorn servers sharing one PostgreSQL database,
one Redis and one object store, as the README's Production section sets them up."""

from urllib.request import urlopen

import pytest
from django.conf import settings

from tests.support.builders import create_page
from tests.support.html import parse_html
from tests.support.servers import Browser, gunicorn, image_in_chromium
from wiki.views.accounts import LOCKED_OUT

SHARED = settings.DATABASES["default"]["ENGINE"].endswith(
    "postgresql"
) and settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not SHARED,
        reason="several hosts share PostgreSQL and Redis (DATABASE_URL, CACHE_URL)",
    ),
]


@pytest.fixture(scope="module")
def hosts(django_db_setup, object_store):
    """Two web hosts: the same code and settings, nothing on local disk in common."""
    # Behind one proxy, which says where each browser is (Browser(address=…)).
    environ = {**object_store.environ(), "DJANGO_PROXY_COUNT": "1"}
    with gunicorn(**environ) as first, gunicorn(**environ) as second:
        yield first, second


def article_text(port, path):
    """What a logged-out reader sees of a page's text on that host."""
    status, page = Browser().get(port, path)
    assert status == 200, (port, path, status)
    return parse_html(page).select_one(".wiki-body").get_text(" ", strip=True)


def test_an_edit_through_one_host_is_seen_at_once_through_the_other(hosts, user):
    first, second = hosts
    create_page(title="Cell", body="The first text.")
    for port in hosts:  # each host keeps the page for logged-out readers
        assert article_text(port, "/wiki/cell/") == "The first text."
    editor = Browser()
    assert editor.log_in(first, "reader")[0] == 302
    status, _ = editor.submit(first, "/wiki/cell/edit/", {"body": "Edited on one."})
    assert status == 302
    for port in hosts:
        assert article_text(port, "/wiki/cell/") == "Edited on one."
    # The session started on the first host holds on the second.
    status, _ = editor.submit(second, "/wiki/cell/edit/", {"body": "Then on two."})
    assert status == 302
    for port in hosts:
        assert article_text(port, "/wiki/cell/") == "Then on two."


def test_an_upload_through_one_host_is_served_by_the_other(hosts, user, browser):
    first, second = hosts
    uploader = Browser()
    uploader.log_in(first, "reader")
    status, _ = uploader.upload_poster(first)
    assert status == 302
    status, page = Browser().get(second, "/files/Poster.jpg/")
    assert status == 200
    image = parse_html(page).select_one("main img")
    with urlopen(image["src"], timeout=10) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "image/jpeg"
    # And a reader's browser shows it, under the site's Content-Security-Policy.
    url = f"http://127.0.0.1:{second}/files/Poster.jpg/"
    src, width, refused = image_in_chromium(browser, url, "main img")
    assert src == image["src"] and width > 0 and refused == []


def test_a_login_lockout_on_one_host_holds_on_the_other(hosts, user):
    first, second = hosts
    intruder = Browser()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        status, _ = intruder.log_in(first, "reader", password="wrong-password")
        assert status in (200, 429)
    status, page = Browser().log_in(second, "reader")  # the right password, too late
    assert status == 429
    assert LOCKED_OUT.split(".")[0] in page


def test_a_range_block_set_on_one_host_holds_on_the_other(hosts, user, staff_user):
    first, second = hosts
    create_page(title="Cell", body="The first text.")
    staff = Browser(address="192.0.2.10")
    assert staff.log_in(first, "curator")[0] == 302
    status, _ = staff.submit(
        first,
        "/block/",
        {
            "target": "198.51.0.0/16",
            "expiry": "1 day",
            "reason": "Spam from this range",
            "sitewide": "on",
        },
    )
    assert status == 302
    inside, outside = Browser(address="198.51.7.9"), Browser(address="198.52.0.1")
    for editor in inside, outside:
        assert editor.log_in(second, "reader")[0] == 302
    status, page = inside.get(second, "/wiki/cell/edit/")  # not even the form
    assert status == 403
    assert "Spam from this range" in page and "curator" in page
    status, _ = outside.submit(second, "/wiki/cell/edit/", {"body": "Fine."})
    assert status == 302
    assert article_text(first, "/wiki/cell/") == "Fine."


def test_the_page_cache_keeps_each_language_apart_across_hosts(hosts):
    """Two hosts share one Redis: a page kept in one language on one host is never
    served in another language by either, whatever language cookie the reader has."""
    first, second = hosts
    create_page(title="Cell", body="The first text.")
    reader = Browser()
    reader.cookies[settings.LANGUAGE_COOKIE_NAME] = "ko"
    for port, path in ((first, "/ko/wiki/cell/"), (second, "/wiki/cell/")):
        assert reader.get(port, path)[0] == 200
    for port in hosts:
        for path, language in (("/wiki/cell/", "en"), ("/ko/wiki/cell/", "ko")):
            status, page = reader.get(port, path)
            assert status == 200
            html = parse_html(page)
            assert html.html["lang"] == language, (port, path)
            assert html.select_one("#content a[href$='/history/']")["href"].startswith(
                "/ko/" if language == "ko" else "/wiki/"
            )
