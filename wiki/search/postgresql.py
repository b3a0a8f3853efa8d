"""Search on PostgreSQL: generated tsvectors with GIN indexes (migration 0004)."""

import json

from django.db import connection

from .ranking import Ranking

# A query the planner expects to match more than this share of pages is "common".
COMMON_SHARE = 0.25


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


def _is_common(expression):
    """Whether the planner expects the query to match over COMMON_SHARE of all pages."""
    [(plan,)] = _rows(
        "EXPLAIN (FORMAT JSON) SELECT 1 FROM wiki_searchdocument "
        "WHERE document @@ to_tsquery('simple', %s)",
        [expression],
    )
    [(pages,)] = _rows(
        "SELECT reltuples FROM pg_class WHERE oid = 'wiki_searchdocument'::regclass",
        [],
    )
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return pages > 0 and plan[0]["Plan"]["Plan Rows"] > COMMON_SHARE * pages


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

    The window is chosen with the tokens alone, which the index settles without
    reading any page; the phrases are checked, and ranked, inside the window only.
    One page more than the window is fetched, to tell whether any were left out.
    """
    tokens = tokens_tsquery(query)
    # Walking the primary key backwards finds the newest matches of a common word
    # at once, but for a rarer one it reads thousands of pages' vectors for nothing;
    # there the GIN index and a sort are faster. The planner cannot see that cost, so
    # its row estimate decides, and `page_id + 0` keeps it off the key when rare.
    newest_first = "page_id DESC" if _is_common(tokens) else "page_id + 0 DESC"
    # Reading a page's vector is the dear part; it is read again only for phrases.
    has_phrases = any(len(word) > 1 for word in query.words)
    phrase_check = "WHERE document @@ q" if has_phrases else ""
    rows = _rows(
        f"""
        WITH newest AS (
            SELECT page_id, document FROM wiki_searchdocument
            WHERE document @@ to_tsquery('simple', %s)
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
        [tokens, candidates + 1, candidates, phrases],
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

    The planner's row estimates decide how a query walks the index (`_is_common`).
    VACUUM cannot run inside a transaction: call this in autocommit mode.
    """
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE wiki_searchdocument")
