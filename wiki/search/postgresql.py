"""Search on PostgreSQL: generated tsvectors with GIN indexes (migration 0004)."""

import json

from django.db import connection

from .ranking import Ranking


def tsquery(query):
    """Each word a phrase whose last token is a prefix, all words required."""
    phrases = []
    for tokens in query.words:
        parts = [f"'{token}'" for token in tokens[:-1]] + [f"'{tokens[-1]}':*"]
        phrases.append("(" + " <-> ".join(parts) + ")")
    return " & ".join(phrases)


def _ids(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor]


COMMON_SHARE = 0.25


def _is_common(expression):
    """Whether the planner expects the query to match over COMMON_SHARE of all pages."""
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN (FORMAT JSON) SELECT 1 FROM wiki_searchdocument "
            "WHERE document @@ to_tsquery('simple', %s)",
            [expression],
        )
        plan = cursor.fetchone()[0]
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = 'wiki_searchdocument'::regclass"
        )
        pages = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return pages > 0 and plan[0]["Plan"]["Plan Rows"] > COMMON_SHARE * pages


def ranked_page_ids(query, candidates):
    """Rank the title matches, and the text matches among the newest `candidates`."""
    expression = tsquery(query)
    title_ids = _ids(
        """
        SELECT page_id FROM wiki_searchdocument, to_tsquery('simple', %s) AS q
        WHERE title_vector @@ q
        ORDER BY ts_rank(document, q) DESC, page_id LIMIT %s
        """,
        [expression, candidates],
    )
    # Walking the primary key backwards finds the newest matches of a common word
    # at once, but for a rarer one it reads thousands of pages' vectors for nothing;
    # there the GIN index and a sort are faster. The planner cannot see that cost, so
    # its row estimate decides, and `page_id + 0` keeps it off the key when rare.
    newest_first = "page_id DESC" if _is_common(expression) else "page_id + 0 DESC"
    text_ids = _ids(
        f"""
        WITH newest AS (
            SELECT page_id, document FROM wiki_searchdocument
            WHERE document @@ to_tsquery('simple', %s)
            ORDER BY {newest_first} LIMIT %s
        )
        SELECT page_id FROM newest
        ORDER BY ts_rank(document, to_tsquery('simple', %s)) DESC, page_id
        """,
        [expression, candidates, expression],
    )
    truncated = len(text_ids) == candidates and bool(
        _ids(
            "SELECT 1 FROM wiki_searchdocument "
            "WHERE document @@ to_tsquery('simple', %s) AND page_id < %s LIMIT 1",
            [expression, min(text_ids)],
        )
    )
    return Ranking.merge(title_ids, text_ids, truncated=truncated)
