"""`manage.py bench` runs end to end on a small throwaway wiki and reports figures."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from wiki.models import Page


@pytest.mark.django_db(transaction=True)
def test_bench_reports_latency_at_each_size_and_cleans_up():
    database = connection.settings_dict["NAME"]
    test_settings = dict(connection.settings_dict["TEST"])
    out = StringIO()
    call_command("bench", only="search", sizes="30,60", repeat=2, stdout=out)
    report = out.getvalue()

    assert "12 queries, 2 runs each" in report
    for size in ("30", "60"):
        row = re.search(rf"^\s+{size}( +\d+\.\d\d){{6}}$", report, re.MULTILINE)
        assert row, report
    assert re.search(r"^request p95 at 60 pages: \d+\.\d\dx", report, re.MULTILINE)
    assert re.search(r"^search p95 at 60 pages: \d+\.\d\dx", report, re.MULTILINE)
    assert re.search(r"^links p95 at 60 pages: \d+\.\d\dx", report, re.MULTILINE)
    # The throwaway databases are gone, and the tests' own is back in use, untouched.
    assert connection.settings_dict["NAME"] == database
    assert connection.settings_dict["TEST"] == test_settings
    assert not Page.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_bench_reports_page_views_against_the_floor_and_cleans_up():
    database = connection.settings_dict["NAME"]
    out = StringIO()
    call_command("bench", only="pages", rounds=1, stdout=out)
    report = out.getvalue()

    assert "in-process requests per second, 100 requests each" in report
    assert re.search(r"^floor +\d+ +1\.00$", report, re.MULTILINE), report
    for view in ("article", "film page", "history", "home page"):
        for state in ("hit", "miss"):
            row = rf"^{view}, cache {state} +\d+ +\d+\.\d\d$"
            assert re.search(row, report, re.MULTILINE), report
    assert connection.settings_dict["NAME"] == database
    assert not Page.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_bench_reports_write_latency_by_linking_pages_and_cleans_up():
    database = connection.settings_dict["NAME"]
    out = StringIO()
    call_command("bench", only="writes", backlinks="0,20", write_rounds=2, stdout=out)
    report = out.getvalue()

    for operation in ("create", "move", "move back", "delete", "restore"):
        row = rf"^{operation} +\d+\.\d +\d+\.\d +\d+\.\d +\d+\.\d$"
        assert re.search(row, report, re.MULTILINE), report
    assert re.search(r"re-rendering the 21 linking pages: \d+\.\d s", report)
    assert connection.settings_dict["NAME"] == database
    assert not Page.objects.exists()
