"""Choosing which pages a PostgreSQL search reads: the window of the newest.

A GIN index returns every match of a query in no useful order, so keeping the newest
1,000 of a word on 5,000 pages would mean reading all 5,000. Each page's vector also
holds the aligned blocks of page ids it sits in (migration 0008); the planner's
estimate of the rarest token sizes a window of the newest blocks, which the index
intersects with the query, so that only the window's rows are read.
"""

import json
from dataclasses import dataclass

from .tsquery import fetch_rows, lexemes, tokens_tsquery

# A query the planner expects to match more than this share of pages is "common".
COMMON_SHARE = 0.25
# Sizes of the blocks of page ids, as powers of two, that migration 0008 marks in
# every page's vector.
BLOCK_LEVELS = range(11, 21)
# How many times the span the planner's estimate calls for a window of blocks covers.
WINDOW_MARGIN = 1.25
# A window over more than this share of the wiki saves less than it costs.
MAX_WINDOW_SHARE = 0.5


@dataclass(frozen=True)
class Estimate:
    """What the planner expects a query, and each of its tokens alone, to match."""

    matches: float
    fewest_token_matches: float
    pages: float
    newest_page_id: int

    @classmethod
    def of(cls, query):
        """Plan the whole query and each token alone, in one EXPLAIN."""
        alone = [lexeme for tokens in query.words for lexeme in lexemes(tokens)]
        expressions = [tokens_tsquery(query), *(alone if len(alone) > 1 else [])]
        select = "SELECT 1 FROM wiki_searchdocument WHERE document @@ %s::tsquery"
        [(plan,)] = fetch_rows(
            "EXPLAIN (FORMAT JSON) " + " UNION ALL ".join([select] * len(expressions)),
            expressions,
        )
        plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
        members = plan["Plans"] if len(expressions) > 1 else [plan]
        rows = [member["Plan Rows"] for member in members]
        [(pages, newest_page_id)] = fetch_rows(
            "SELECT reltuples, (SELECT max(page_id) FROM wiki_searchdocument) "
            "FROM pg_class WHERE oid = 'wiki_searchdocument'::regclass",
            [],
        )
        # A table never analysed counts -1 pages: nothing is known of it then.
        return cls(rows[0], min(rows[1:] or rows), max(pages, 0), newest_page_id or 0)

    @property
    def is_common(self):
        return self.matches > COMMON_SHARE * self.pages > 0

    def newest_blocks(self, candidates):
        """A tsquery of the blocks of the newest pages likely to hold `candidates`.

        The planner takes a query's tokens to be independent, but they seldom are: the
        two halves of `Ye-sung` always come together. So the window is sized for as
        many matches as the rarest token has, at most; if it holds too few, the
        caller reads them all. None when the window would be most of the wiki.
        """
        newest_id, most_matches = self.newest_page_id, self.fewest_token_matches
        if not newest_id or not most_matches:
            return None
        span = WINDOW_MARGIN * candidates * newest_id / most_matches
        first_id = int(newest_id - span)
        if span > MAX_WINDOW_SHARE * newest_id or first_id < 2 ** BLOCK_LEVELS[0]:
            return None
        return " | ".join(
            f"'_b{level}_{number}'" for level, number in blocks(first_id, newest_id)
        )


def blocks(first_id, last_id):
    """The aligned blocks that cover ids `first_id` to `last_id` and a little more.

    Each block is the largest that starts where the last one ended. It ends aligned to
    a larger size than its own, so sizes only grow: a window takes one block of each
    size at most, below the largest.
    """
    smallest = BLOCK_LEVELS[0]
    start = first_id >> smallest << smallest
    while start <= last_id:
        level = max(level for level in BLOCK_LEVELS if start % 2**level == 0)
        yield level, start >> level
        start += 2**level
