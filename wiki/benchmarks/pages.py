"""Page views, in-process: requests per second for what readers open most.

Each view is timed with the page cache holding it (a hit) and with its page's version
renewed before every request (a miss: what the first reader after an edit waits for),
beside the floor (wiki.benchmarks.floor) measured in the same rounds, so that each is
read as a ratio that does not drift with the machine.
"""

import random
import time
from dataclasses import dataclass
from pathlib import Path

from django.test import Client

from wiki import page_cache
from wiki.models import Page
from wiki.search.corpus import synthetic_body, vocabulary
from wiki.services import page_save

from .floor import ARTICLE_SLUG

ARTICLE_BYTES = 4096
FILM_PAGE = "/wiki/miracle-in-cell-no-7/"
FLOOR = "floor"


@dataclass(frozen=True)
class View:
    label: str
    url: str
    renewed: str = ""  # the tag renewed before each request: a miss; "" for a hit


ARTICLE = f"/wiki/{ARTICLE_SLUG}/"
HISTORY = f"{ARTICLE}history/"
ARTICLE_TAG = page_cache.page_tag(ARTICLE_SLUG)
VIEWS = [
    View(FLOOR, "/bench/floor/"),
    View("article, cache hit", ARTICLE),
    View("article, cache miss", ARTICLE, ARTICLE_TAG),
    View("film page, cache hit", FILM_PAGE),
    View(
        "film page, cache miss", FILM_PAGE, page_cache.page_tag("miracle-in-cell-no-7")
    ),
    View("history, cache hit", HISTORY),
    View("history, cache miss", HISTORY, ARTICLE_TAG),
    View("home page, cache hit", "/"),
    View("home page, cache miss", "/", page_cache.CHANGES),
]


def write_article():
    """A 4 KB article of made-up words with links, saved as an editor would."""
    rng = random.Random(7)
    words, weights = vocabulary(rng, size=2_000)
    paragraphs = ["See [[Miracle in Cell No. 7]], [[Ye-sung]] and [[No such page]]."]
    while len("\n\n".join(paragraphs).encode()) < ARTICLE_BYTES:
        paragraphs.append(synthetic_body(rng, words, weights))
    body = "\n\n".join(paragraphs)
    page_save(slug=ARTICLE_SLUG, title="Bench article", body=body, author=None)


def export_article(path):
    """Write the bench article's HTML to `path`, for the plain Django floor to show."""
    page = Page.objects.live().with_current_revision().get(slug=ARTICLE_SLUG)
    Path(path).write_text(page.current_revision.html)


def measure(host, rounds, per_round):
    """Requests per second of each view, the views taking turns round by round."""
    client = Client(HTTP_HOST=host)
    spent = dict.fromkeys(VIEWS, 0.0)
    for view in VIEWS:  # warm up: templates compiled, the infoboxes kept
        client.get(view.url, secure=True)
    for _ in range(rounds):
        for view in VIEWS:
            for _ in range(per_round):
                if view.renewed:
                    page_cache.invalidate(view.renewed)
                started = time.perf_counter()
                response = client.get(view.url, secure=True)
                spent[view] += time.perf_counter() - started
                if response.status_code != 200:
                    raise RuntimeError(f"{view.url} answered {response.status_code}.")
    return {view.label: rounds * per_round / spent[view] for view in VIEWS}
