"""`make bench-http`'s Django floor: a plain Django site that shows the bench's article
through a base template, and answers a fixed response, reading no database."""

import os
import subprocess
import sys

PROBE = """
from django.test import Client
reader = Client(HTTP_HOST="localhost")
article, fixed = reader.get("/article/"), reader.get("/fixed/")
print(article.status_code, fixed.status_code)
print(article.text)
"""


def test_the_floor_shows_the_article_through_its_base_template(tmp_path):
    article = tmp_path / "article.html"
    article.write_text("<p>A father and his <strong>daughter</strong>.</p>")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wiki.benchmarks.plain.settings",
        "DJANGO_SECRET_KEY": "a-key-for-this-test-only-and-nothing-else-0123456789",
        "BENCH_ARTICLE_HTML": str(article),
        "BENCH_ARTICLE_TITLE": "Bench article",
    }
    shown = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{PROBE}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    statuses, _, page = shown.partition("\n")
    assert statuses == "200 200"
    assert "<title>Bench article — A plain Django site</title>" in page
    assert "<p>A father and his <strong>daughter</strong>.</p>" in page
    assert '<a href="/login/?next=/article/">Log in</a>' in page
    # It never opened its database: there is none.
    assert not article.with_suffix(".sqlite3").exists()
