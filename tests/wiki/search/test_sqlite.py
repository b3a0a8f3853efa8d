"""The FTS5 match expressions a parsed query becomes (wiki/search/sqlite.py)."""

import pytest
from django.db import connection

from wiki.search.query import parse_query
from wiki.search.sqlite import match_expression

HOSTILE = ["NOT x", "AND ( OR", "col:balloon", "^ba", "-x", 'NEAR("a" "b")']


def test_each_word_is_a_prefix_phrase_and_all_are_required():
    query = parse_query('Ye-sung "balloon" OR NEAR(x)')
    assert match_expression(query) == '"ye sung"* "balloon"* "or"* "near x"*'


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 is SQLite's")
@pytest.mark.parametrize("text", HOSTILE)
def test_fts5_reads_every_expression_a_hostile_query_makes(pages, text):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM wiki_search_fts WHERE wiki_search_fts MATCH %s",
            [match_expression(parse_query(text))],
        )
        assert cursor.fetchone()[0] >= 0
