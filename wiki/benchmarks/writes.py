"""Writes to a page that many others link to: what a writer waits for stays flat.

For each count of linking pages, a target page is created, moved away and back,
deleted and restored, through the services, the counts taking turns round by round.
The linking pages are written in bulk (wiki.search.corpus), with their link rows.
Re-rendering them is the job's work, timed on its own: what readers wait for until
the link shows its new colour.
"""

import statistics
import time

from django.contrib.auth import get_user_model
from django.db import transaction

from wiki.models import Link, Page
from wiki.namespaces import slug_for_title
from wiki.search.corpus import insert_pages
from wiki.services import page_delete, page_move, page_restore, page_save
from wiki.services.publishing import rerender_pages_linking_to

BACKLINKS = (0, 1_000, 10_000)
OPERATIONS = ("create", "move", "move back", "delete", "restore")


def _target(count):
    return f"Target of {count}"


def write_linking_pages(counts):
    """For each count, that many pages linking to its target (which is not there)."""
    first = 0
    for count in counts:
        slug = slug_for_title(_target(count))
        numbers = range(1_000_000 + first, 1_000_000 + first + count)
        with transaction.atomic():
            insert_pages({n: f"See [[{_target(count)}]]." for n in numbers})
            sources = Page.objects.filter(slug__in=[f"page-{n}" for n in numbers])
            Link.objects.bulk_create(
                Link(source=page, target_slug=slug) for page in sources
            )
        first += count


def _cycle(count, actor):
    """One round of writes to the target of `count`; the time each took, in ms."""
    title, away = _target(count), f"{_target(count)} moved"
    slug = slug_for_title(title)
    steps = {
        "create": lambda: page_save(slug=slug, title=title, body="Here.", author=actor),
        "move": lambda: page_move(
            page=Page.objects.get(slug=slug), new_title=away, actor=actor
        ),
        "move back": lambda: page_move(
            page=Page.objects.get(slug=slug_for_title(away)),
            new_title=title,
            actor=actor,
        ),
        "delete": lambda: page_delete(page=Page.objects.get(slug=slug), actor=actor),
        "restore": lambda: page_restore(
            page=Page.objects.deleted().filter(deleted_slug=slug).latest("deleted_at"),
            actor=actor,
        ),
    }
    times = {}
    for name, step in steps.items():
        started = time.perf_counter()
        step()
        times[name] = (time.perf_counter() - started) * 1000
    page_delete(page=Page.objects.get(slug=slug), actor=actor)  # ready for the next
    return times


def measure(rounds, counts=BACKLINKS):
    """p50 and p95 in ms of each operation at each count of linking pages, and the
    seconds the re-rendering job takes at the largest."""
    actor = get_user_model().objects.create_superuser("bench-writer", "", "x" * 20)
    write_linking_pages(counts)
    timings = {(count, op): [] for count in counts for op in OPERATIONS}
    for _ in range(rounds):
        for count in counts:
            for op, ms in _cycle(count, actor).items():
                timings[count, op].append(ms)
    latencies = {key: (statistics.median(ms), _p95(ms)) for key, ms in timings.items()}
    page_save(
        slug=slug_for_title(_target(counts[-1])),
        title=_target(counts[-1]),
        body="Here.",
        author=actor,
    )
    started = time.perf_counter()
    rerendered = rerender_pages_linking_to.call(slug_for_title(_target(counts[-1])))
    return latencies, rerendered, time.perf_counter() - started


def _p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]
