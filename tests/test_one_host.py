"""One host, several workers, the embedded default: no CACHE_URL, SQLite, gunicorn with
three worker processes. Every reader sees an edit at once, whichever worker answers."""

from urllib.request import urlopen

import pytest
from django.conf import settings

from tests.support.builders import create_page, edit_page
from tests.support.servers import gunicorn

DEFAULT_CACHE = settings.CACHES["default"]["BACKEND"] == "wiki.cache.HostCache"
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not DEFAULT_CACHE, reason="the embedded default: no CACHE_URL"),
]


def test_three_workers_never_serve_a_page_kept_before_an_edit():
    page = create_page(title="Cell", body="The old text.")
    with gunicorn(workers=3) as port:

        def read():
            with urlopen(f"http://127.0.0.1:{port}/wiki/cell/", timeout=10) as answer:
                return answer.read().decode()

        # Every worker answers often enough to have kept the page, or to have read it.
        assert all("The old text." in read() for _ in range(60))
        edit_page(page, "The new text.")
        texts = [read() for _ in range(300)]
    assert sum("The new text." in text for text in texts) == 300
