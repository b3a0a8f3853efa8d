"""Search on PostgreSQL: tsvectors with GIN indexes (migrations 0004 and 0008).

This module ranks: titles first, then the text matches among the newest pages, which
`window` chooses how to find.
"""

from django.db import connection

from ..ranking import Ranking
from .tsquery import fetch_rows, tokens_tsquery, tsquery
from .window import Estimate


def _title_ids(expression, candidates, preferred):
    rows = fetch_rows(
        """
        SELECT page_id FROM wiki_searchdocument, (SELECT %s::tsquery AS q) AS query
        WHERE title_vector @@ q
        ORDER BY ts_rank(document, q) DESC, language <> %s, page_id LIMIT %s
        """,
        [expression, preferred, candidates],
    )
    return [page_id for (page_id,) in rows]


def _text_ids(query, phrases, candidates, preferred):
    """Rank the text matches among the newest `candidates` pages that have every token.

    The pages are chosen with the tokens alone, which the index settles without
    reading any page; the phrases are checked, and ranked, among those pages only.
    """
    tokens = tokens_tsquery(query)
    estimate = Estimate.of(query)
    if estimate.is_common:
        # Walking the primary key backwards finds the newest matches of a common word
        # at once, but for a rarer one it reads thousands of pages' vectors for nothing.
        return _newest_ranked(
            query, tokens, phrases, candidates, preferred, key_order=True
        )
    # GIN returns every match, in no order: reading them all to keep the newest grows
    # with the wiki. Where the estimate says the newest pages hold enough, read those.
    window = estimate.newest_blocks(candidates)
    if window:
        page_ids, truncated = _newest_ranked(
            query, tokens, phrases, candidates, preferred, window=window
        )
        if truncated:
            return page_ids, truncated
        # Fewer matches there than expected: only all of them tell the newest.
    return _newest_ranked(query, tokens, phrases, candidates, preferred)


def _newest_ranked(
    query, tokens, phrases, candidates, preferred, key_order=False, window=None
):
    """Rank the newest `candidates` pages that have every token, those in the
    `preferred` language first among equals; were there more?

    `key_order` walks the primary key backwards; otherwise the GIN index finds every
    match (in the `window` of blocks only, if given) and they are sorted. One page
    more than `candidates` is fetched, to tell whether any were left out.
    """
    # `page_id + 0` keeps the planner off the primary key, which the planner cannot
    # tell is dear here: walking it reads a page's vector at every step.
    newest_first = "page_id DESC" if key_order else "page_id + 0 DESC"
    matches = "%s::tsquery" + (" && %s::tsquery" if window else "")
    # Reading a page's vector is the dear part; it is read again only for phrases.
    has_phrases = any(len(word) > 1 for word in query.words)
    phrase_check = "WHERE document @@ q" if has_phrases else ""
    rows = fetch_rows(
        f"""
        WITH newest AS (
            SELECT page_id, document, language FROM wiki_searchdocument
            WHERE document @@ ({matches})
            ORDER BY {newest_first} LIMIT %s
        ), window_size AS (
            SELECT count(*) AS found FROM newest
        )
        SELECT found, ranked.page_id
        FROM window_size LEFT JOIN LATERAL (
            SELECT page_id, language, ts_rank(document, q) AS rank
            FROM (
                SELECT * FROM newest ORDER BY page_id DESC LIMIT %s
            ) AS newest_window, (SELECT %s::tsquery AS q) AS query
            {phrase_check}
        ) AS ranked ON true
        ORDER BY ranked.rank DESC, ranked.language <> %s, ranked.page_id
        """,
        [
            tokens,
            *([window] if window else []),
            candidates + 1,
            candidates,
            phrases,
            preferred,
        ],
    )
    page_ids = [page_id for _, page_id in rows if page_id is not None]
    return page_ids, rows[0][0] > candidates


def ranked_page_ids(query, candidates, preferred=""):
    """Rank the title matches, and the text matches among the newest `candidates`;
    pages in the `preferred` language come first among equals."""
    phrases = tsquery(query)
    text_ids, truncated = _text_ids(query, phrases, candidates, preferred)
    title_ids = _title_ids(phrases, candidates, preferred)
    return Ranking.merge(title_ids, text_ids, truncated=truncated)


def optimize():
    """What autovacuum does in time: flush the GIN pending lists, refresh statistics.

    The planner's estimates decide how a query reads the index (`Estimate`).
    VACUUM cannot run inside a transaction: call this in autocommit mode.
    """
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE wiki_searchdocument")
