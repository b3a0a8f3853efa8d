"""`manage.py bench`: page views, writes, search latency, each on a throwaway wiki.

Page views are timed on the seeded wiki with a 4 KB article (wiki.benchmarks.pages),
and again with Redis unreachable when the cache is Redis. Writes are timed against
pages with 0, 1,000 and 10,000 pages linking to them (wiki.benchmarks.writes).
For search, synthetic pages are written with bulk inserts rather than through the
services: this measures reading, and 100,000 rendered saves would take longer than the
measurement. The search index is the real one, kept by the same triggers or generated
columns.
"""

import logging
import random
import socket
import statistics
import tempfile
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import reverse

from wiki.benchmarks import pages, writes
from wiki.benchmarks.pages import write_article
from wiki.models import Page
from wiki.search import SearchResults, optimize_index
from wiki.search.corpus import insert_pages, synthetic_body, vocabulary
from wiki.settings.environment import WikiEnv
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
# What is timed: the whole search page, the search engine's share of it, and the
# edit form's link suggestions for the query's first letters.
SEARCH_TIMINGS = ("request", "search", "links")
LINK_PREFIX = 4
BATCH = 2_000  # pages written per transaction
PAGE_VIEWS_PER_ROUND = 100


def bench_host():
    """A host name the site accepts, for the requests the bench makes."""
    for host in settings.ALLOWED_HOSTS:
        if "*" not in host:
            return host.lstrip(".")
    return "localhost"


def closed_port():
    """A port on this host that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def logging_disabled():
    """Quiet the cache's once-a-minute report while Redis is down on purpose."""
    logging.disable(logging.ERROR)
    try:
        yield
    finally:
        logging.disable(logging.NOTSET)


def cache_name():
    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


class Command(BaseCommand):
    help = (
        "Measure page views against a floor, and search latency at 1,000 and "
        "100,000 pages, on throwaway databases."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            choices=["pages", "writes", "search"],
            help="Measure one part only.",
        )
        parser.add_argument(
            "--backlinks",
            default="0,1000,10000",
            help="Counts of linking pages to time writes at.",
        )
        parser.add_argument(
            "--write-rounds", type=int, default=10, help="Rounds of writes at each."
        )
        parser.add_argument(
            "--rounds",
            type=int,
            default=10,
            help=f"Rounds of {PAGE_VIEWS_PER_ROUND} requests to each page view.",
        )
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

    def handle(self, *args, only, sizes, repeat, rounds, keep, verbosity, **options):
        self.verbosity, self.keep = verbosity, keep
        if only in (None, "pages"):
            with self.throwaway_database("pages", keep=keep):
                self.bench_pages(rounds)
        if only in (None, "writes"):
            counts = [int(count) for count in options["backlinks"].split(",")]
            with self.throwaway_database("writes", keep=keep):
                self.bench_writes(counts, options["write_rounds"])
        if only in (None, "search"):
            with self.throwaway_database("search", keep=keep):
                self.bench_search(
                    sorted(int(size) for size in sizes.split(",")), repeat
                )

    @contextmanager
    def throwaway_database(self, label, *, keep):
        """Run the block on a database of its own, then name the site's again.

        SQLite databases kept for inspection go to bench-results/, others to /tmp.
        """
        creation = connection.creation
        kept = Path("bench-results")
        with nullcontext(kept) if keep else tempfile.TemporaryDirectory() as workdir:
            Path(workdir).mkdir(exist_ok=True)
            site_database = connection.settings_dict["NAME"]
            test_settings = dict(connection.settings_dict["TEST"])
            # A name of its own, so that a test run and a kept bench never clash.
            connection.settings_dict["TEST"]["NAME"] = (
                str(Path(workdir) / f"bench-{label}.sqlite3")
                if connection.vendor == "sqlite"
                else f"bench_{label}_{site_database}"
            )
            self.test_name = creation.create_test_db(
                verbosity=0, autoclobber=True, serialize=False
            )
            try:
                yield
            finally:
                # A copy's name derives from the test database's: make it current.
                self.use_database(self.test_name)
                # The site's own database is named again, untouched.
                creation.destroy_test_db(site_database, verbosity=0, keepdb=keep)
                connection.settings_dict["TEST"] = test_settings

    def bench_pages(self, rounds):
        call_command("seed", verbosity=0)
        write_article()
        with override_settings(
            DEBUG=False,
            ROOT_URLCONF="wiki.benchmarks.urls",
            RATELIMIT_ENABLE=False,
            AXES_ENABLED=False,
        ):
            rates = pages.measure(bench_host(), rounds, PAGE_VIEWS_PER_ROUND)
        self.stdout.write(
            f"Page views on {connection.vendor}, {cache_name()}: in-process "
            f"requests per second, {rounds * PAGE_VIEWS_PER_ROUND} requests each"
        )
        self.stdout.write(f"{'view':<24} {'req/s':>8} {'x floor':>8}")
        floor = rates[pages.FLOOR]
        for label, rate in rates.items():
            self.stdout.write(f"{label:<24} {rate:>8.0f} {rate / floor:>8.2f}")
        if cache_name() == "SoftRedisCache":
            self.bench_pages_without_redis(rounds, rates)

    def bench_pages_without_redis(self, rounds, rates):
        """The same views with Redis unreachable (a closed port): the database's."""
        down = {
            **settings.CACHES,
            "default": WikiEnv.cache_url_config(f"redis://127.0.0.1:{closed_port()}/0"),
        }
        with (
            override_settings(
                CACHES=down,
                DEBUG=False,
                ROOT_URLCONF="wiki.benchmarks.urls",
                RATELIMIT_ENABLE=False,
                AXES_ENABLED=False,
            ),
            logging_disabled(),
        ):
            without = pages.measure(bench_host(), rounds, PAGE_VIEWS_PER_ROUND)
        self.stdout.write("The same views with Redis down (its port closed)")
        self.stdout.write(f"{'view':<24} {'req/s':>8} {'x up':>8}")
        for label, rate in without.items():
            self.stdout.write(f"{label:<24} {rate:>8.0f} {rate / rates[label]:>8.2f}")

    def bench_writes(self, counts, rounds):
        latencies, rerendered, seconds = writes.measure(rounds, counts)
        self.stdout.write(
            f"Writes on {connection.vendor}: ms in the services, {rounds} rounds, "
            "by pages linking to the page written"
        )
        self.stdout.write(
            f"{'operation':<10}"
            + "".join(f" {f'{count:,} p50':>10} {'p95':>6}" for count in counts)
        )
        for op in writes.OPERATIONS:
            cells = "".join(
                f" {latencies[count, op][0]:>10.1f} {latencies[count, op][1]:>6.1f}"
                for count in counts
            )
            self.stdout.write(f"{op:<10}{cells}")
        self.stdout.write(
            f"The job re-rendering the {rerendered:,} linking pages: {seconds:.1f} s"
        )

    def bench_search(self, sizes, repeat):
        self.client = Client(HTTP_HOST=bench_host())
        databases = {}
        try:
            databases = self.build(sizes)
            # A load test of one address: the search limit would answer 429.
            with override_settings(RATELIMIT_ENABLE=False):
                self.report(sizes, self.measure(databases, repeat))
        finally:
            self.use_database(self.test_name)
            if self.keep:
                self.stdout.write(f"Kept: {', '.join(databases.values())}")
            else:
                for size, name in databases.items():
                    if name != self.test_name:
                        connection.creation.destroy_test_db(
                            verbosity=0, suffix=str(size)
                        )

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
        kinds = {kind: getattr(self, kind) for kind in SEARCH_TIMINGS}
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
            f"{'pages':>9}"
            + "".join(f" {f'{kind} median':>15} {'p95':>6}" for kind in SEARCH_TIMINGS)
        )
        p95s = {}
        for size in sizes:
            columns = []
            for kind in SEARCH_TIMINGS:
                every_run = [ms for runs in timings[kind, size].values() for ms in runs]
                p95s[kind, size] = statistics.quantiles(every_run, n=20)[-1]
                columns.append(f"{statistics.median(every_run):.2f}")
                columns.append(f"{p95s[kind, size]:.2f}")
            self.stdout.write(
                f"{size:>9,}"
                + "".join(
                    f" {median:>15} {p95:>6}"
                    for median, p95 in zip(columns[::2], columns[1::2], strict=True)
                )
            )
            if self.verbosity > 1:
                for query in QUERIES:
                    medians = " ".join(
                        f"{kind} {statistics.median(timings[kind, size][query]):6.2f}"
                        for kind in SEARCH_TIMINGS
                    )
                    self.stdout.write(f"    {query:<24} {medians}")
        if len(sizes) < 2:
            return
        smallest, largest = sizes[0], sizes[-1]
        for kind in SEARCH_TIMINGS:
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

    def links(self, query):
        """The titles offered after `[[` and the query's first letters."""
        typed = query[:LINK_PREFIX]
        response = self.client.get(reverse("wiki:link_suggest"), {"q": typed})
        assert response.status_code == 200, response.status_code

    def search(self, query):
        """The search engine's share: rank, count, then the first page of hits."""
        list(Paginator(SearchResults(query), RESULTS_PER_PAGE).get_page(1))
