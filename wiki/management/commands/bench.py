"""`manage.py bench`: search latency on a throwaway wiki of synthetic pages.

The pages are written with bulk inserts rather than through the services: this measures
reading (search), and 100,000 rendered saves would take longer than the measurement.
The search index is the real one, kept by the same triggers or generated columns.
"""

import random
import statistics
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import reverse

from wiki.models import Page
from wiki.search import SearchResults, optimize_index
from wiki.search.corpus import insert_pages, synthetic_body, vocabulary
from wiki.views.search import RESULTS_PER_PAGE

QUERIES = [
    "balloon",
    "Ye-sung",
    "7번방의 선물",
    "prison warden",
    "Koğuştaki",
    "inmates escape",
    "lawyer daughter",
    "miracle",
    "sailor moon backpack",
    "zulobe",  # a rare synthetic word
    "tamira",  # the most common synthetic word: the worst case
    "nothing-like-this",
]
# What is timed: the whole search page, and the search engine's share of it.
KINDS = ("request", "search")
BATCH = 2_000  # pages written per transaction


def bench_host():
    """A host name the site accepts, for the requests the bench makes."""
    for host in settings.ALLOWED_HOSTS:
        if "*" not in host:
            return host.lstrip(".")
    return "localhost"


class Command(BaseCommand):
    help = "Measure search latency at 1,000 and 100,000 pages on a throwaway database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes", default="1000,100000", help="Page counts to measure at."
        )
        parser.add_argument(
            "--repeat", type=int, default=50, help="Runs of each query."
        )
        parser.add_argument(
            "--keep",
            action="store_true",
            help="Keep the throwaway database to inspect.",
        )

    def handle(self, *args, sizes, repeat, keep, verbosity, **options):
        self.verbosity = verbosity
        self.client = Client(HTTP_HOST=bench_host())
        sizes = sorted(int(size) for size in sizes.split(","))
        creation = connection.creation
        # SQLite databases kept for inspection go to bench-results/, others to /tmp.
        kept = Path("bench-results")
        with nullcontext(kept) if keep else tempfile.TemporaryDirectory() as workdir:
            Path(workdir).mkdir(exist_ok=True)
            site_database = connection.settings_dict["NAME"]
            test_settings = dict(connection.settings_dict["TEST"])
            # A name of its own, so that a test run and a kept bench never clash.
            connection.settings_dict["TEST"]["NAME"] = (
                str(Path(workdir) / "bench.sqlite3")
                if connection.vendor == "sqlite"
                else f"bench_{site_database}"
            )
            test_name = creation.create_test_db(
                verbosity=0, autoclobber=True, serialize=False
            )
            databases = {}
            try:
                databases = self.build(sizes)
                # A load test of one address: the search limit would answer 429.
                with override_settings(RATELIMIT_ENABLE=False):
                    self.report(sizes, self.measure(databases, repeat))
            finally:
                # A copy's name derives from the test database's: make it current.
                self.use_database(test_name)
                if keep:
                    self.stdout.write(f"Kept: {', '.join(databases.values())}")
                else:
                    for size, name in databases.items():
                        if name != test_name:
                            creation.destroy_test_db(verbosity=0, suffix=str(size))
                # The site's own database is named again, untouched.
                creation.destroy_test_db(site_database, verbosity=0, keepdb=keep)
                connection.settings_dict["TEST"] = test_settings

    def build(self, sizes):
        """Fill the wiki up to each size in turn, keeping a copy at each smaller one.

        Returns each size's database name.
        """
        rng = random.Random(7)
        words, weights = vocabulary(rng)
        databases = {}
        for size in sizes:
            self.fill(Page.objects.count(), size, rng, words, weights)
            if size == sizes[-1]:
                databases[size] = connection.settings_dict["NAME"]
            else:
                connection.close()
                connection.creation.clone_test_db(suffix=str(size), verbosity=0)
                clone = connection.creation.get_test_db_clone_settings(str(size))
                databases[size] = clone["NAME"]
        return databases

    def measure(self, databases, repeat):
        """Time every query on every size, the sizes taking turns round by round.

        A machine's speed drifts over minutes; measuring the sizes in alternation keeps
        that drift out of the comparison between them.
        """
        kinds = {kind: getattr(self, kind) for kind in KINDS}
        timings = {
            (kind, size): {query: [] for query in QUERIES}
            for kind in kinds
            for size in databases
        }
        for _ in range(repeat):
            for size, name in databases.items():
                self.use_database(name)
                for kind, run in kinds.items():
                    for query in QUERIES:  # Warm up after switching databases.
                        run(query)
                    for query in QUERIES:
                        started = time.perf_counter()
                        run(query)
                        elapsed = (time.perf_counter() - started) * 1000
                        timings[kind, size][query].append(elapsed)
        return timings

    def use_database(self, name):
        if connection.settings_dict["NAME"] != name:
            connection.close()
            connection.settings_dict["NAME"] = name

    def report(self, sizes, timings):
        self.stdout.write(
            f"Search on {connection.vendor}: {len(QUERIES)} queries, "
            f"{len(timings['search', sizes[0]][QUERIES[0]])} runs each, times in ms"
        )
        self.stdout.write(
            f"{'pages':>9} {'request median':>15} {'p95':>6} "
            f"{'search median':>14} {'p95':>6}"
        )
        p95s = {}
        for size in sizes:
            columns = []
            for kind in KINDS:
                every_run = [ms for runs in timings[kind, size].values() for ms in runs]
                p95s[kind, size] = statistics.quantiles(every_run, n=20)[-1]
                columns.append(f"{statistics.median(every_run):.2f}")
                columns.append(f"{p95s[kind, size]:.2f}")
            self.stdout.write(
                f"{size:>9,} {columns[0]:>15} {columns[1]:>6} "
                f"{columns[2]:>14} {columns[3]:>6}"
            )
            if self.verbosity > 1:
                for query in QUERIES:
                    medians = " ".join(
                        f"{kind} {statistics.median(timings[kind, size][query]):6.2f}"
                        for kind in KINDS
                    )
                    self.stdout.write(f"    {query:<24} {medians}")
        if len(sizes) < 2:
            return
        smallest, largest = sizes[0], sizes[-1]
        for kind in KINDS:
            ratio = p95s[kind, largest] / p95s[kind, smallest]
            self.stdout.write(
                f"{kind} p95 at {largest:,} pages: {ratio:.2f}x the p95 at {smallest:,}"
            )

    def fill(self, start, stop, rng, words, weights):
        for first in range(start, stop, BATCH):
            numbers = range(first, min(first + BATCH, stop))
            with transaction.atomic():
                insert_pages({n: synthetic_body(rng, words, weights) for n in numbers})
        # A bulk import is followed by what `manage.py optimize_search` does.
        optimize_index()
        if connection.vendor == "postgresql":
            # Settle every table now, so that autovacuum does not wake up to clean
            # after the import in the middle of the measurement.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")

    def request(self, query):
        """What a reader waits for, short of the network: the whole search page."""
        response = self.client.get(reverse("wiki:search"), {"q": query})
        assert response.status_code == 200, response.status_code

    def search(self, query):
        """The search engine's share: rank, count, then the first page of hits."""
        list(Paginator(SearchResults(query), RESULTS_PER_PAGE).get_page(1))
