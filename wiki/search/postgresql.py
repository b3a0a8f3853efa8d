"""Search on PostgreSQL: tsvectors with GIN indexes (migrations 0004 and 0008)."""

import json
from dataclasses import dataclass

from django.db import connection

from .ranking import Ranking

# A query the planner expects to match more than this share of pages is "common".
COMMON_SHARE = 0.25
# Sizes of the blocks of page ids, as powers of two, that migration 0008 marks in
# every page's vector.
BLOCK_LEVELS = range(11, 21)
# How many times the span the planner's estimate calls for a window of blocks covers.
WINDOW_MARGIN = 1.25
# A window over more than this share of the wiki saves less than it costs.
MAX_WINDOW_SHARE = 0.5


def tsquery(query):
    """Each word a phrase whose last token is a prefix, all words required."""
    return " & ".join(
        "(" + " <-> ".join(_lexemes(tokens)) + ")" for tokens in query.words
    )


def tokens_tsquery(query):
    """Every token of every word required, in any order: what the GIN index answers.

    Unlike a phrase, this needs no positions, so the index alone decides a match and
    no page's vector is read to confirm it.
    """
    return " & ".join(lexeme for tokens in query.words for lexeme in _lexemes(tokens))


def _lexemes(tokens):
    return [f"'{token}'" for token in tokens[:-1]] + [f"'{tokens[-1]}':*"]


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


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
        lexemes = [lexeme for tokens in query.words for lexeme in _lexemes(tokens)]
        expressions = [tokens_tsquery(query), *(lexemes if len(lexemes) > 1 else [])]
        select = (
            "SELECT 1 FROM wiki_searchdocument "
            "WHERE document @@ to_tsquery('simple', %s)"
        )
        [(plan,)] = _rows(
            "EXPLAIN (FORMAT JSON) " + " UNION ALL ".join([select] * len(expressions)),
            expressions,
        )
        plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
        members = plan["Plans"] if len(expressions) > 1 else [plan]
        rows = [member["Plan Rows"] for member in members]
        [(pages, newest_page_id)] = _rows(
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


def _title_ids(expression, candidates):
    rows = _rows(
        """
        SELECT page_id FROM wiki_searchdocument, to_tsquery('simple', %s) AS q
        WHERE title_vector @@ q
        ORDER BY ts_rank(document, q) DESC, page_id LIMIT %s
        """,
        [expression, candidates],
    )
    return [page_id for (page_id,) in rows]


def _text_ids(query, phrases, candidates):
    """Rank the text matches among the newest `candidates` pages that have every token.

    The pages are chosen with the tokens alone, which the index settles without
    reading any page; the phrases are checked, and ranked, among those pages only.
    """
    tokens = tokens_tsquery(query)
    estimate = Estimate.of(query)
    if estimate.is_common:
        # Walking the primary key backwards finds the newest matches of a common word
        # at once, but for a rarer one it reads thousands of pages' vectors for nothing.
        return _newest_ranked(query, tokens, phrases, candidates, key_order=True)
    # GIN returns every match, in no order: reading them all to keep the newest grows
    # with the wiki. Where the estimate says the newest pages hold enough, read those.
    window = estimate.newest_blocks(candidates)
    if window:
        page_ids, truncated = _newest_ranked(
            query, tokens, phrases, candidates, window=window
        )
        if truncated:
            return page_ids, truncated
        # Fewer matches there than expected: only all of them tell the newest.
    return _newest_ranked(query, tokens, phrases, candidates)


def _newest_ranked(query, tokens, phrases, candidates, key_order=False, window=None):
    """Rank the newest `candidates` pages that have every token; were there more?

    `key_order` walks the primary key backwards; otherwise the GIN index finds every
    match (in the `window` of blocks only, if given) and they are sorted. One page
    more than `candidates` is fetched, to tell whether any were left out.
    """
    # `page_id + 0` keeps the planner off the primary key, which the planner cannot
    # tell is dear here: walking it reads a page's vector at every step.
    newest_first = "page_id DESC" if key_order else "page_id + 0 DESC"
    matches = "to_tsquery('simple', %s)" + (" && %s::tsquery" if window else "")
    # Reading a page's vector is the dear part; it is read again only for phrases.
    has_phrases = any(len(word) > 1 for word in query.words)
    phrase_check = "WHERE document @@ q" if has_phrases else ""
    rows = _rows(
        f"""
        WITH newest AS (
            SELECT page_id, document FROM wiki_searchdocument
            WHERE document @@ ({matches})
            ORDER BY {newest_first} LIMIT %s
        ), window_size AS (
            SELECT count(*) AS found FROM newest
        )
        SELECT found, ranked.page_id
        FROM window_size LEFT JOIN LATERAL (
            SELECT page_id, ts_rank(document, q) AS rank
            FROM (
                SELECT * FROM newest ORDER BY page_id DESC LIMIT %s
            ) AS newest_window, to_tsquery('simple', %s) AS q
            {phrase_check}
        ) AS ranked ON true
        ORDER BY ranked.rank DESC, ranked.page_id
        """,
        [tokens, *([window] if window else []), candidates + 1, candidates, phrases],
    )
    page_ids = [page_id for _, page_id in rows if page_id is not None]
    return page_ids, rows[0][0] > candidates


def ranked_page_ids(query, candidates):
    """Rank the title matches, and the text matches among the newest `candidates`."""
    phrases = tsquery(query)
    text_ids, truncated = _text_ids(query, phrases, candidates)
    return Ranking.merge(_title_ids(phrases, candidates), text_ids, truncated=truncated)


def optimize():
    """What autovacuum does in time: flush the GIN pending lists, refresh statistics.

    The planner's estimates decide how a query reads the index (`Estimate`).
    VACUUM cannot run inside a transaction: call this in autocommit mode.
    """
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE wiki_searchdocument")
