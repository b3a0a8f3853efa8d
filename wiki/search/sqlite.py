"""Search on SQLite's FTS5 indexes (migrations 0004, 0006 and 0007)."""

from django.db import connection

from .ranking import Ranking

# BM25 weights: a hit in the title counts ten times a hit in the text.
RANK = "bm25(wiki_search_fts, 10.0, 1.0)"


def match_expression(query):
    """Each word a prefix phrase, all words required: `"ye sung"* "balloon"*`."""
    return " ".join('"{}"*'.format(" ".join(tokens)) for tokens in query.words)


def _ids(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor]


def _language_of(table):
    """SQL: the language of the page of `table`'s row, to prefer it among equals."""
    return (
        "(SELECT language FROM wiki_searchdocument "
        f"WHERE wiki_searchdocument.page_id = {table}.rowid)"
    )


def ranked_page_ids(query, candidates, preferred=""):
    """Rank the title matches, and the text matches among the newest `candidates`;
    pages in the `preferred` language come first among equals."""
    expression = match_expression(query)
    # Titles have an index of their own (migration 0007): a title search reads titles.
    title_ids = _ids(
        "SELECT rowid FROM wiki_search_title_fts WHERE wiki_search_title_fts MATCH %s "
        "ORDER BY bm25(wiki_search_title_fts), "
        f"{_language_of('wiki_search_title_fts')} <> %s, rowid LIMIT %s",
        [expression, preferred, candidates],
    )
    # The newest matches form a rowid range, which FTS5 can seek to without scoring the
    # rest; a list of rowids would cost a whole MATCH each.
    boundary = _ids(
        "SELECT rowid FROM wiki_search_fts WHERE wiki_search_fts MATCH %s "
        "ORDER BY rowid DESC LIMIT 2 OFFSET %s",
        [expression, candidates - 1],
    )
    text_ids = _ids(
        "SELECT rowid FROM wiki_search_fts WHERE wiki_search_fts MATCH %s "
        f"AND rowid >= %s ORDER BY {RANK}, {_language_of('wiki_search_fts')} <> %s, "
        "rowid",
        [expression, boundary[0] if boundary else 0, preferred],
    )
    return Ranking.merge(title_ids, text_ids, truncated=len(boundary) == 2)


def optimize():
    """Merge each FTS5 index into one b-tree, the quickest shape to read.

    Every write adds a small segment that FTS5 merges gradually; a word on many pages
    is then read from several. After a bulk import, or now and then, one merge helps.
    """
    with connection.cursor() as cursor:
        for table in ("wiki_search_fts", "wiki_search_title_fts"):
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
