"""`manage.py bench`: search latency on a throwaway wiki of synthetic pages.

The pages are written with bulk inserts rather than through the services: this measures
reading (search), and 100,000 rendered saves would take longer than the measurement.
The search index is the real one, kept by the same triggers or generated columns.
"""

import random
import statistics
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from wiki.models import Page, Revision, SearchDocument
from wiki.search import SearchResults, optimize_index
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
FILM_PHRASES = [
    "hot air balloon",
    "Ye-sung",
    "Lee Yong-gu",
    "prison warden",
    "7번방의 선물",
    "7. Koğuştaki Mucize",
    "the inmates of Room 7",
    "a lawyer",
    "his daughter",
    "a Sailor Moon backpack",
    "the escape plan",
    "Miracle in Cell No. 7",
    "So Yang-ho",
]
SYLLABLES = [
    "ta",
    "mi",
    "ra",
    "ko",
    "lu",
    "be",
    "zu",
    "lo",
    "ne",
    "sa",
    "ki",
    "do",
    "pe",
]
WORDS_PER_PAGE = 120
BATCH = 2_000


def vocabulary(rng, size=20_000):
    words = {"tamira", "zulobe"}
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    ordered = ["tamira", *sorted(words - {"tamira", "zulobe"}), "zulobe"]
    return ordered, [1 / (rank + 1) for rank in range(len(ordered))]


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
            "--repeat", type=int, default=20, help="Runs of each query."
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
        with tempfile.TemporaryDirectory() as workdir:
            if connection.vendor == "sqlite":
                connection.settings_dict["TEST"]["NAME"] = str(
                    Path(workdir) / "bench.sqlite3"
                )
            old_name = connection.creation.create_test_db(
                verbosity=0, autoclobber=True, serialize=False
            )
            try:
                self.measure(sizes, repeat)
            finally:
                if keep:
                    self.stdout.write(f"Kept: {connection.settings_dict['NAME']}")
                else:
                    connection.creation.destroy_test_db(old_name, verbosity=0)

    def measure(self, sizes, repeat):
        rng = random.Random(7)
        words, weights = vocabulary(rng)
        self.stdout.write(
            f"Search on {connection.vendor}: {repeat} runs of {len(QUERIES)} queries, "
            "times in ms"
        )
        self.stdout.write(
            f"{'pages':>9} {'request median':>15} {'p95':>6} "
            f"{'search median':>14} {'p95':>6}"
        )
        p95s = {}
        for size in sizes:
            self.fill(Page.objects.count(), size, rng, words, weights)
            results = {
                "request": self.time_queries(self.request, repeat),
                "search": self.time_queries(self.search, repeat),
            }
            columns = []
            for kind, timings in results.items():
                every_run = [ms for runs in timings.values() for ms in runs]
                p95s[kind, size] = statistics.quantiles(every_run, n=20)[-1]
                columns.append((statistics.median(every_run), p95s[kind, size]))
            (request_median, request_p95), (search_median, search_p95) = columns
            self.stdout.write(
                f"{size:>9,} {request_median:>15.2f} {request_p95:>6.2f} "
                f"{search_median:>14.2f} {search_p95:>6.2f}"
            )
            if self.verbosity > 1:
                for query in QUERIES:
                    self.stdout.write(
                        f"    {query:<24} "
                        + " ".join(
                            f"{kind} {statistics.median(timings[query]):6.2f}"
                            for kind, timings in results.items()
                        )
                    )
        if len(sizes) > 1:
            smallest, largest = sizes[0], sizes[-1]
            for kind in ("request", "search"):
                ratio = p95s[kind, largest] / p95s[kind, smallest]
                self.stdout.write(
                    f"{kind} p95 at {largest:,} pages: {ratio:.2f}x the p95 at "
                    f"{smallest:,}"
                )

    def fill(self, start, stop, rng, words, weights):
        for first in range(start, stop, BATCH):
            numbers = range(first, min(first + BATCH, stop))
            with transaction.atomic():
                pages = Page.objects.bulk_create(
                    Page(title=f"Page {n}", slug=f"page-{n}") for n in numbers
                )
                bodies = [self.body(rng, words, weights) for _ in pages]
                revisions = Revision.objects.bulk_create(
                    Revision(
                        page=page,
                        number=1,
                        body=body,
                        size=len(body),
                        size_change=len(body),
                        html=body,
                    )
                    for page, body in zip(pages, bodies, strict=True)
                )
                for page, revision in zip(pages, revisions, strict=True):
                    page.current_revision = revision
                Page.objects.bulk_update(pages, ["current_revision"])
                SearchDocument.objects.bulk_create(
                    SearchDocument(page=page, title=page.title, text=body)
                    for page, body in zip(pages, bodies, strict=True)
                )
        # A bulk import is followed by what `manage.py optimize_search` does.
        optimize_index()

    def body(self, rng, words, weights):
        text = rng.choices(words, weights, k=WORDS_PER_PAGE)
        for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
            text.insert(rng.randrange(len(text)), rng.choice(FILM_PHRASES))
        return " ".join(text) + "."

    def request(self, query):
        """What a reader waits for, short of the network: the whole search page."""
        response = self.client.get(reverse("wiki:search"), {"q": query})
        assert response.status_code == 200, response.status_code

    def search(self, query):
        """The search engine's share: rank, count, then the first page of hits."""
        list(Paginator(SearchResults(query), RESULTS_PER_PAGE).get_page(1))

    def time_queries(self, run, repeat):
        timings = {query: [] for query in QUERIES}
        for query in QUERIES:  # Warm up: the first run reads the index from disk.
            run(query)
        for _ in range(repeat):
            for query in QUERIES:
                started = time.perf_counter()
                run(query)
                timings[query].append((time.perf_counter() - started) * 1000)
        return timings
