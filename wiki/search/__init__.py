"""Full-text search over page titles and current text, in the database's own engine.

SQLite uses FTS5 with BM25; PostgreSQL tsvectors with GIN indexes and ts_rank. Either
way the query is reduced to words of letters and digits before it reaches the engine, so
no query syntax a reader types can break or bend it.

Ranking work is bounded so that search stays fast as the wiki grows: every title match
is ranked, and so are the text matches among the newest CANDIDATES pages that match.
A word found on more pages than that says little about any one of them.
"""

import re
from dataclasses import dataclass
from html import unescape

from django.db import connection
from django.db.models import Q
from django.utils.html import strip_tags

from ..models import Page, PageCategory, SearchDocument
from ..namespaces import TALK_NAMESPACES
from . import postgresql, sqlite
from .query import parse_query
from .ranking import Ranking
from .snippets import highlighted_snippet

BACKENDS = {"sqlite": sqlite, "postgresql": postgresql}
BLOCK_END = re.compile(
    r"</(?:p|h[1-6]|li|td|th|tr|blockquote|pre|span|nav|section)>|<br>"
)
CANDIDATES = 1000


@dataclass(frozen=True)
class Hit:
    page: object
    snippet: str
    title_matches: bool


def search_document(page, html):
    """What makes `page` findable: its title and the rendered HTML of its current
    text, as words (unsaved: the render pipeline writes many at once)."""
    # A block's end is a word boundary: "<h2>Plot</h2><p>Back" is "Plot Back".
    spaced = BLOCK_END.sub(r"\g<0> ", html)
    return SearchDocument.of(page, unescape(strip_tags(spaced)))


def optimize_index():
    """Bring the search index to its quickest shape (see each backend's `optimize`)."""
    BACKENDS[connection.vendor].optimize()


class SearchResults:
    """The ranked hits of one query: a lazy, sliceable list for Django's Paginator."""

    def __init__(
        self, text, *, include_discussions=False, category="", language="", preferred=""
    ):
        """`language` keeps the pages in it; pages in the `preferred` language (the
        reader's) come first among equals."""
        self.query = parse_query(text)
        self.preferred = preferred
        self.candidates = CANDIDATES
        self.include_discussions = include_discussions
        self.category = category
        self.language = language
        self._ranking = None

    def _ranked(self):
        if self._ranking is None:
            backend = BACKENDS[connection.vendor]
            ranking = (
                backend.ranked_page_ids(self.query, self.candidates, self.preferred)
                if self.query
                else Ranking.EMPTY
            )
            self._ranking = self._as_readers_see_it(ranking)
        return self._ranking

    def _as_readers_see_it(self, ranking):
        """Leave talk pages out unless asked, and put each redirect's target in its
        place: a search finds a page under an old title, never the redirect itself.
        Then keep the pages of the category, and in the language, asked for.

        One index holds every page, so this happens after ranking: the newest
        candidates may hold a few pages fewer than asked.
        """
        if not ranking.page_ids:
            return ranking
        special = Page.objects.filter(pk__in=ranking.page_ids).filter(
            Q(namespace__in=TALK_NAMESPACES) | ~Q(redirect_to="")
        )
        replaced = {}
        rows = special.values_list("pk", "namespace", "redirect_to")
        for pk, namespace, redirect_to in rows:
            if namespace in TALK_NAMESPACES and not self.include_discussions:
                replaced[pk] = None
            elif redirect_to:
                replaced[pk] = redirect_to
        targets = dict(
            Page.objects.live()
            .filter(slug__in={s for s in replaced.values() if s})
            .values_list("slug", "pk")
        )
        ranking = ranking.replaced(
            {pk: targets.get(slug) if slug else None for pk, slug in replaced.items()}
        )
        if self.category and ranking.page_ids:
            ranking = ranking.kept(
                PageCategory.objects.filter(
                    category_slug=self.category, page_id__in=ranking.page_ids
                ).values_list("page_id", flat=True)
            )
        if self.language and ranking.page_ids:
            ranking = ranking.kept(
                Page.objects.filter(
                    pk__in=ranking.page_ids, language=self.language
                ).values_list("pk", flat=True)
            )
        return ranking

    @property
    def truncated(self):
        """More pages match than were ranked (the newest CANDIDATES of them were)."""
        return self._ranked().truncated

    def count(self):
        return len(self._ranked().page_ids)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        ranking = self._ranked()
        page_ids = ranking.page_ids[window]
        documents = SearchDocument.objects.select_related("page").in_bulk(page_ids)
        return [
            Hit(
                page=documents[page_id].page,
                snippet=highlighted_snippet(documents[page_id].text, self.query),
                title_matches=page_id in ranking.title_ids,
            )
            for page_id in page_ids
            if page_id in documents
        ]
